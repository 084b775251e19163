package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Affinity;
import io.langop.api.v1alpha1.ModelReference;
import java.util.List;
import java.util.Map;

/** A region serving the client. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientRegion {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Region name.")
    private String name;

    @Default("true")
    @JsonPropertyDescription("Whether the region is served.")
    private Boolean enabled;

    @Min(0)
    @JsonPropertyDescription("Pods in the region.")
    private Integer replicas;

    @JsonPropertyDescription("Models used in the region.")
    private List<ModelReference> modelRefs;

    @JsonPropertyDescription("Node selector of the region's pods.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("Affinity of the region's pods.")
    private Affinity affinity;

    @JsonPropertyDescription("Ingress of the region.")
    private IngressSpec ingress;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public List<ModelReference> getModelRefs() {
        return modelRefs;
    }

    public void setModelRefs(List<ModelReference> modelRefs) {
        this.modelRefs = modelRefs;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public Affinity getAffinity() {
        return affinity;
    }

    public void setAffinity(Affinity affinity) {
        this.affinity = affinity;
    }

    public IngressSpec getIngress() {
        return ingress;
    }

    public void setIngress(IngressSpec ingress) {
        this.ingress = ingress;
    }
}
