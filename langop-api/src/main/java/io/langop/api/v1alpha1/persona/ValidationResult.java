package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** Outcome of the persona validation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ValidationResult {

    @Required
    @JsonPropertyDescription("Whether the persona is usable.")
    private Boolean valid;

    @JsonPropertyDescription("When it was validated (RFC 3339).")
    private String validationTime;

    @JsonPropertyDescription("Problems that make the persona unusable.")
    private List<String> errors;

    @JsonPropertyDescription("Problems worth fixing.")
    private List<String> warnings;

    public Boolean getValid() {
        return valid;
    }

    public void setValid(Boolean valid) {
        this.valid = valid;
    }

    public String getValidationTime() {
        return validationTime;
    }

    public void setValidationTime(String validationTime) {
        this.validationTime = validationTime;
    }

    public List<String> getErrors() {
        return errors;
    }

    public void setErrors(List<String> errors) {
        this.errors = errors;
    }

    public List<String> getWarnings() {
        return warnings;
    }

    public void setWarnings(List<String> warnings) {
        this.warnings = warnings;
    }
}
