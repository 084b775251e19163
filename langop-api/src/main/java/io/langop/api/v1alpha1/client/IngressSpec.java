package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.langop.api.v1alpha1.Patterns;
import java.util.List;
import java.util.Map;

/** Ingress of a client. */
@ValidationRule(value = "!self.enabled || has(self.hosts)", message = "an enabled ingress needs hosts")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngressSpec {

    @Default("false")
    @JsonPropertyDescription("Create an Ingress.")
    private Boolean enabled;

    @JsonPropertyDescription("IngressClass name.")
    private String className;

    @Size(min = 1)
    @JsonPropertyDescription("Host names.")
    private List<String> hosts;

    @JsonPropertyDescription("Ingress annotations.")
    private Map<String, String> annotations;

    @JsonPropertyDescription("TLS of the hosts.")
    private List<IngressTLS> tls;

    @Default("/")
    @Pattern(Patterns.ABSOLUTE_PATH)
    @JsonPropertyDescription("Path.")
    private String path;

    @Default("Prefix")
    @JsonPropertyDescription("How the path matches.")
    private PathType pathType;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    public List<String> getHosts() {
        return hosts;
    }

    public void setHosts(List<String> hosts) {
        this.hosts = hosts;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }

    public List<IngressTLS> getTls() {
        return tls;
    }

    public void setTls(List<IngressTLS> tls) {
        this.tls = tls;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public PathType getPathType() {
        return pathType;
    }

    public void setPathType(PathType pathType) {
        this.pathType = pathType;
    }
}
