package io.langop.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.CostMetrics;
import io.langop.api.v1alpha1.agent.ModelCost;
import java.util.List;

/**
 * Cost of a cluster: the sum over its models (a total only when they share one currency; each model's cost is
 * listed either way).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterCostMetrics extends CostMetrics {

    @JsonPropertyDescription("Cost per model of the cluster.")
    private List<ModelCost> modelCosts;

    public List<ModelCost> getModelCosts() {
        return modelCosts;
    }

    public void setModelCosts(List<ModelCost> modelCosts) {
        this.modelCosts = modelCosts;
    }
}
