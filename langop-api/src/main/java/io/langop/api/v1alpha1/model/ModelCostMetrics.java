package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.CostMetrics;

/** Cost accounted by the model proxy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelCostMetrics extends CostMetrics {

    @JsonPropertyDescription("Cost of prompt tokens.")
    private Double inputTokenCost;

    @JsonPropertyDescription("Cost of completion tokens.")
    private Double outputTokenCost;

    public Double getInputTokenCost() {
        return inputTokenCost;
    }

    public void setInputTokenCost(Double inputTokenCost) {
        this.inputTokenCost = inputTokenCost;
    }

    public Double getOutputTokenCost() {
        return outputTokenCost;
    }

    public void setOutputTokenCost(Double outputTokenCost) {
        this.outputTokenCost = outputTokenCost;
    }
}
