package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;

/**
 * A workload that runs as a Deployment behind a Service and listens on a port (tools, clients):
 * besides the pod settings it has probes, Service, disruption budget and rollout settings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ServiceWorkloadSpec extends WorkloadSpec {

    @Default("8080")
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Port the main container listens on and the Service exposes.")
    private Integer port;

    @JsonPropertyDescription("Topology spread of the pods.")
    private List<TopologySpreadConstraint> topologySpreadConstraints;

    @JsonPropertyDescription("Liveness probe replacing the default.")
    private Probe livenessProbe;

    @JsonPropertyDescription("Readiness probe replacing the default.")
    private Probe readinessProbe;

    @JsonPropertyDescription("Startup probe.")
    private Probe startupProbe;

    @Default("ClusterIP")
    @JsonPropertyDescription("Type of the Service.")
    private ServiceType serviceType;

    @JsonPropertyDescription("Annotations of the Service.")
    private Map<String, String> serviceAnnotations;

    @JsonPropertyDescription("PodDisruptionBudget of the pods.")
    private PodDisruptionBudgetSpec podDisruptionBudget;

    @JsonPropertyDescription("Update strategy of the Deployment.")
    private UpdateStrategySpec updateStrategy;

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public List<TopologySpreadConstraint> getTopologySpreadConstraints() {
        return topologySpreadConstraints;
    }

    public void setTopologySpreadConstraints(List<TopologySpreadConstraint> topologySpreadConstraints) {
        this.topologySpreadConstraints = topologySpreadConstraints;
    }

    public Probe getLivenessProbe() {
        return livenessProbe;
    }

    public void setLivenessProbe(Probe livenessProbe) {
        this.livenessProbe = livenessProbe;
    }

    public Probe getReadinessProbe() {
        return readinessProbe;
    }

    public void setReadinessProbe(Probe readinessProbe) {
        this.readinessProbe = readinessProbe;
    }

    public Probe getStartupProbe() {
        return startupProbe;
    }

    public void setStartupProbe(Probe startupProbe) {
        this.startupProbe = startupProbe;
    }

    public ServiceType getServiceType() {
        return serviceType;
    }

    public void setServiceType(ServiceType serviceType) {
        this.serviceType = serviceType;
    }

    public Map<String, String> getServiceAnnotations() {
        return serviceAnnotations;
    }

    public void setServiceAnnotations(Map<String, String> serviceAnnotations) {
        this.serviceAnnotations = serviceAnnotations;
    }

    public PodDisruptionBudgetSpec getPodDisruptionBudget() {
        return podDisruptionBudget;
    }

    public void setPodDisruptionBudget(PodDisruptionBudgetSpec podDisruptionBudget) {
        this.podDisruptionBudget = podDisruptionBudget;
    }

    public UpdateStrategySpec getUpdateStrategy() {
        return updateStrategy;
    }

    public void setUpdateStrategy(UpdateStrategySpec updateStrategy) {
        this.updateStrategy = updateStrategy;
    }
}
