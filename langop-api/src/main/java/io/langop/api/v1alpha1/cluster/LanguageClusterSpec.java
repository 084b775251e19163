package io.langop.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/**
 * Desired state of a LanguageCluster: the group of agents, models, tools, personas and clients that
 * reference it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageClusterSpec {

    @JsonPropertyDescription("Labels the operator puts on the namespace of the cluster.")
    private Map<String, String> namespaceLabels;

    @JsonPropertyDescription("Network isolation.")
    private ClusterNetwork network;

    @JsonPropertyDescription("The web dashboard of the cluster (docs/console.md).")
    private ClusterDashboard dashboard;

    public Map<String, String> getNamespaceLabels() {
        return namespaceLabels;
    }

    public void setNamespaceLabels(Map<String, String> namespaceLabels) {
        this.namespaceLabels = namespaceLabels;
    }

    public ClusterNetwork getNetwork() {
        return network;
    }

    public void setNetwork(ClusterNetwork network) {
        this.network = network;
    }

    public ClusterDashboard getDashboard() {
        return dashboard;
    }

    public void setDashboard(ClusterDashboard dashboard) {
        this.dashboard = dashboard;
    }
}
