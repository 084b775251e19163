package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.CostMetrics;
import java.util.List;

/** Cost of an agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentCostMetrics extends CostMetrics {

    @JsonPropertyDescription("Cost per model.")
    private List<ModelCost> modelCosts;

    public List<ModelCost> getModelCosts() {
        return modelCosts;
    }

    public void setModelCosts(List<ModelCost> modelCosts) {
        this.modelCosts = modelCosts;
    }
}
