package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** How often a tool was used. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolFrequency {

  @Required
  @JsonPropertyDescription("Tool name.")
  private String toolName;

  @Required
  @JsonPropertyDescription("Calls.")
  private Long count;

  @JsonPropertyDescription("Share of all calls in percent.")
  private Double percentage;

  public String getToolName() {
    return toolName;
  }

  public void setToolName(String toolName) {
    this.toolName = toolName;
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
}
