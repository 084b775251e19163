package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/** PodDisruptionBudget of a component; set one of the two fields. */
@ValidationRule(
        value = "!(has(self.minAvailable) && has(self.maxUnavailable))",
        message = "set minAvailable or maxUnavailable, not both")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodDisruptionBudgetSpec {

    @JsonPropertyDescription("Pods (number or percentage) that must stay available during voluntary disruptions.")
    private IntOrString minAvailable;

    @JsonPropertyDescription("Pods (number or percentage) that may be unavailable during voluntary disruptions.")
    private IntOrString maxUnavailable;

    public IntOrString getMinAvailable() {
        return minAvailable;
    }

    public void setMinAvailable(IntOrString minAvailable) {
        this.minAvailable = minAvailable;
    }

    public IntOrString getMaxUnavailable() {
        return maxUnavailable;
    }

    public void setMaxUnavailable(IntOrString maxUnavailable) {
        this.maxUnavailable = maxUnavailable;
    }
}
