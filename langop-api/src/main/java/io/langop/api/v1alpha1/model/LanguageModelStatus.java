package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.ResourceStatus;
import java.util.List;

/** Observed state of a LanguageModel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageModelStatus extends ResourceStatus {

    @JsonPropertyDescription("Lifecycle phase.")
    private ModelPhase phase;

    @JsonPropertyDescription("Whether the proxy and its endpoints are healthy.")
    private Boolean healthy;

    @JsonPropertyDescription(
            "When healthy last changed (RFC 3339); the proxy is read every minute, and a reading that changes nothing writes nothing.")
    private String lastHealthCheck;

    @JsonPropertyDescription("In-cluster URL of the model proxy (OpenAI-compatible, ending in /v1).")
    private String endpoint;

    @JsonPropertyDescription("Proxy pods ready.")
    private Integer readyReplicas;

    @JsonPropertyDescription("Health per endpoint.")
    private List<EndpointStatus> endpointStatus;

    @JsonPropertyDescription("Traffic.")
    private ModelMetrics metrics;

    @JsonPropertyDescription("Cost.")
    private ModelCostMetrics costMetrics;

    public ModelPhase getPhase() {
        return phase;
    }

    public void setPhase(ModelPhase phase) {
        this.phase = phase;
    }

    public Boolean getHealthy() {
        return healthy;
    }

    public void setHealthy(Boolean healthy) {
        this.healthy = healthy;
    }

    public String getLastHealthCheck() {
        return lastHealthCheck;
    }

    public void setLastHealthCheck(String lastHealthCheck) {
        this.lastHealthCheck = lastHealthCheck;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public List<EndpointStatus> getEndpointStatus() {
        return endpointStatus;
    }

    public void setEndpointStatus(List<EndpointStatus> endpointStatus) {
        this.endpointStatus = endpointStatus;
    }

    public ModelMetrics getMetrics() {
        return metrics;
    }

    public void setMetrics(ModelMetrics metrics) {
        this.metrics = metrics;
    }

    public ModelCostMetrics getCostMetrics() {
        return costMetrics;
    }

    public void setCostMetrics(ModelCostMetrics costMetrics) {
        this.costMetrics = costMetrics;
    }
}
