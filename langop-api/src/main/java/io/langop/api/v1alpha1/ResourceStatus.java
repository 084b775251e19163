package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * What the status of every langop.io kind carries besides its phase: the generation it describes,
 * standard conditions and a human-readable reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ResourceStatus {

    @JsonPropertyDescription("metadata.generation of the spec this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Standard conditions, one per type.")
    private List<Condition> conditions;

    @JsonPropertyDescription("Human-readable detail of the phase.")
    private String message;

    @JsonPropertyDescription("Machine-readable reason of the phase, in CamelCase.")
    private String reason;

    @JsonPropertyDescription("When the operator last changed this status (RFC 3339).")
    private String lastUpdateTime;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getLastUpdateTime() {
        return lastUpdateTime;
    }

    public void setLastUpdateTime(String lastUpdateTime) {
        this.lastUpdateTime = lastUpdateTime;
    }
}
