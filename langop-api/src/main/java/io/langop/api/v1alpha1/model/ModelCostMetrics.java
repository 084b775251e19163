package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Cost accounted by the model proxy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelCostMetrics {

  @JsonPropertyDescription("Total cost.")
  private Double totalCost;

  @JsonPropertyDescription("Cost of prompt tokens.")
  private Double inputTokenCost;

  @JsonPropertyDescription("Cost of completion tokens.")
  private Double outputTokenCost;

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
