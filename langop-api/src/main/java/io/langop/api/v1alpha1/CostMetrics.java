package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An accumulated cost since the counters were last reset; subclasses say how it breaks down. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class CostMetrics {

    @JsonPropertyDescription("Total cost.")
    private Double totalCost;

    @JsonPropertyDescription("Currency of the amounts.")
    private String currency;

    @JsonPropertyDescription("When the counters were last reset (RFC 3339).")
    private String lastReset;

    public Double getTotalCost() {
        return totalCost;
    }

    public void setTotalCost(Double totalCost) {
        this.totalCost = totalCost;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getLastReset() {
        return lastReset;
    }

    public void setLastReset(String lastReset) {
        this.lastReset = lastReset;
    }
}
