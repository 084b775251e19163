package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.langop.api.v1alpha1.Frequency;

/** How often a model was used. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelFrequency extends Frequency {

    @Required
    @JsonPropertyDescription("Model name.")
    private String modelName;

    @JsonPropertyDescription("Tokens.")
    private Long totalTokens;

    @JsonPropertyDescription("Cost in cents.")
    private Long totalCost;

    public String getModelName() {
        return modelName;
    }

    public void setModelName(String modelName) {
        this.modelName = modelName;
    }

    public Long getTotalTokens() {
        return totalTokens;
    }

    public void setTotalTokens(Long totalTokens) {
        this.totalTokens = totalTokens;
    }

    public Long getTotalCost() {
        return totalCost;
    }

    public void setTotalCost(Long totalCost) {
        this.totalCost = totalCost;
    }
}
