package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.langop.api.v1alpha1.Patterns;

/** Token cost accounting. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CostTracking {

    @Default("false")
    @JsonPropertyDescription("Account token cost.")
    private Boolean enabled;

    @Default("USD")
    @Pattern(Patterns.CURRENCY)
    @JsonPropertyDescription("ISO 4217 currency of the prices.")
    private String currency;

    @Min(0)
    @JsonPropertyDescription("Price of 1000 prompt tokens.")
    private Double inputTokenCost;

    @Min(0)
    @JsonPropertyDescription("Price of 1000 completion tokens.")
    private Double outputTokenCost;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

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
