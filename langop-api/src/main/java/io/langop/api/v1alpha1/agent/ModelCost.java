package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Cost caused by one model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelCost {

    @Required
    @JsonPropertyDescription("Model name.")
    private String modelName;

    @Required
    @JsonPropertyDescription("Cost caused by this model.")
    private Double cost;

    @JsonPropertyDescription("Currency of the cost.")
    private String currency;

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getModelName() {
        return modelName;
    }

    public void setModelName(String modelName) {
        this.modelName = modelName;
    }

    public Double getCost() {
        return cost;
    }

    public void setCost(Double cost) {
        this.cost = cost;
    }
}
