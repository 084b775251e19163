package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * One side of a network rule. Set one kind of peer; the operator resolves DNS names at reconcile
 * time.
 */
@ValidationRule(
        value = "[has(self.group), has(self.cidr), has(self.dns), has(self.service), "
                + "has(self.namespaceSelector) || has(self.podSelector)].filter(x, x).size() <= 1",
        message = "set only one of group, cidr, dns, service or namespaceSelector/podSelector")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkPeer {

    @JsonPropertyDescription("Pods labelled langop.io/group=<group>.")
    private String group;

    @Pattern(Patterns.CIDR)
    @JsonPropertyDescription("An IP block in CIDR notation.")
    private String cidr;

    @Size(min = 1)
    @JsonPropertyDescription("Host names, resolved to IP addresses by the operator; a leading '*.' allows a wildcard, "
            + "of which only the base domain can be resolved.")
    private List<String> dns;

    @JsonPropertyDescription("A Kubernetes Service.")
    private ServiceReference service;

    @JsonPropertyDescription("Namespaces whose pods are selected.")
    private LabelSelector namespaceSelector;

    @JsonPropertyDescription("Pods selected (in the namespaces of namespaceSelector, or the owner's namespace).")
    private LabelSelector podSelector;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getCidr() {
        return cidr;
    }

    public void setCidr(String cidr) {
        this.cidr = cidr;
    }

    public List<String> getDns() {
        return dns;
    }

    public void setDns(List<String> dns) {
        this.dns = dns;
    }

    public ServiceReference getService() {
        return service;
    }

    public void setService(ServiceReference service) {
        this.service = service;
    }

    public LabelSelector getNamespaceSelector() {
        return namespaceSelector;
    }

    public void setNamespaceSelector(LabelSelector namespaceSelector) {
        this.namespaceSelector = namespaceSelector;
    }

    public LabelSelector getPodSelector() {
        return podSelector;
    }

    public void setPodSelector(LabelSelector podSelector) {
        this.podSelector = podSelector;
    }
}
