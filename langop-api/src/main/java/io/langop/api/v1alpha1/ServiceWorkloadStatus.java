package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Status of a kind that runs as a Deployment behind a Service: the Deployment's replica counts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ServiceWorkloadStatus extends ResourceStatus {

    @JsonPropertyDescription("Pods ready.")
    private Integer readyReplicas;

    @JsonPropertyDescription("Pods available.")
    private Integer availableReplicas;

    @JsonPropertyDescription("Pods running the current template.")
    private Integer updatedReplicas;

    @JsonPropertyDescription("Pods unavailable.")
    private Integer unavailableReplicas;

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public Integer getAvailableReplicas() {
        return availableReplicas;
    }

    public void setAvailableReplicas(Integer availableReplicas) {
        this.availableReplicas = availableReplicas;
    }

    public Integer getUpdatedReplicas() {
        return updatedReplicas;
    }

    public void setUpdatedReplicas(Integer updatedReplicas) {
        this.updatedReplicas = updatedReplicas;
    }

    public Integer getUnavailableReplicas() {
        return unavailableReplicas;
    }

    public void setUnavailableReplicas(Integer unavailableReplicas) {
        this.unavailableReplicas = unavailableReplicas;
    }
}
