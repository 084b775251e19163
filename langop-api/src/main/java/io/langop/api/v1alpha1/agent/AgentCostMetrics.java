package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Cost of an agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentCostMetrics {

  @JsonPropertyDescription("Total cost.")
  private Double totalCost;

  @JsonPropertyDescription("Cost per model.")
  private List<ModelCost> modelCosts;

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

  public List<ModelCost> getModelCosts() {
    return modelCosts;
  }

  public void setModelCosts(List<ModelCost> modelCosts) {
    this.modelCosts = modelCosts;
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
