package io.langop.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.langop.api.v1alpha1.NetworkRule;
import java.util.List;

/** Network isolation of a LanguageCluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterNetwork {

    @Default("true")
    @JsonPropertyDescription(
            "Deny all traffic of the cluster's components except DNS, traffic among them and their " + "egress rules.")
    private Boolean isolation;

    @Size(max = 64)
    @JsonPropertyDescription("External destinations every component of the cluster may reach.")
    private List<NetworkRule> egress;

    public Boolean getIsolation() {
        return isolation;
    }

    public void setIsolation(Boolean isolation) {
        this.isolation = isolation;
    }

    public List<NetworkRule> getEgress() {
        return egress;
    }

    public void setEgress(List<NetworkRule> egress) {
        this.egress = egress;
    }
}
