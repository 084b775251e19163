package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** How often a model was used. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelFrequency {

  @Required
  @JsonPropertyDescription("Model name.")
  private String modelName;

  @Required
  @JsonPropertyDescription("Requests.")
  private Long count;

  @JsonPropertyDescription("Share in percent.")
  private Double percentage;

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

  public Long getCount() {
    return count;
  }

  public void setCount(Long count) {
    this.count = count;
  }

  public Double getPercentage() {
    return percentage;
  }

  public void setPercentage(Double percentage) {
    this.percentage = percentage;
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
