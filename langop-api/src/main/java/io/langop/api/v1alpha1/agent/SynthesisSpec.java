package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How the operator synthesizes the agent code from spec.instructions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SynthesisSpec {

    @JsonPropertyDescription("Name of the LanguageModel (same namespace) that writes the agent code; the operator's "
            + "default synthesis model when unset.")
    private String modelRef;

    @Default("3")
    @Min(0)
    @Max(10)
    @JsonPropertyDescription(
            "Rounds in which compiler and policy errors are fed back to the model before synthesis " + "fails.")
    private Integer maxRepairAttempts;

    public String getModelRef() {
        return modelRef;
    }

    public void setModelRef(String modelRef) {
        this.modelRef = modelRef;
    }

    public Integer getMaxRepairAttempts() {
        return maxRepairAttempts;
    }

    public void setMaxRepairAttempts(Integer maxRepairAttempts) {
        this.maxRepairAttempts = maxRepairAttempts;
    }
}
