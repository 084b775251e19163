package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.ResourceStatus;
import java.util.List;

/** Observed state of a LanguagePersona. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguagePersonaStatus extends ResourceStatus {

    @JsonPropertyDescription("Lifecycle phase.")
    private PersonaPhase phase;

    @JsonPropertyDescription("Agents using the persona.")
    private Integer usageCount;

    @JsonPropertyDescription("Names of the agents using the persona.")
    private List<String> activeAgents;

    @JsonPropertyDescription("Outcome of the validation.")
    private ValidationResult validationResult;

    public PersonaPhase getPhase() {
        return phase;
    }

    public void setPhase(PersonaPhase phase) {
        this.phase = phase;
    }

    public Integer getUsageCount() {
        return usageCount;
    }

    public void setUsageCount(Integer usageCount) {
        this.usageCount = usageCount;
    }

    public List<String> getActiveAgents() {
        return activeAgents;
    }

    public void setActiveAgents(List<String> activeAgents) {
        this.activeAgents = activeAgents;
    }

    public ValidationResult getValidationResult() {
        return validationResult;
    }

    public void setValidationResult(ValidationResult validationResult) {
        this.validationResult = validationResult;
    }
}
