package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** Rate limits of an agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentRateLimits {

  @Min(1)
  @JsonPropertyDescription("Model requests per minute.")
  private Integer requestsPerMinute;

  @Min(1)
  @JsonPropertyDescription("Model tokens per minute.")
  private Integer tokensPerMinute;

  @Min(1)
  @JsonPropertyDescription("Tool calls per minute.")
  private Integer toolCallsPerMinute;

  public Integer getRequestsPerMinute() {
    return requestsPerMinute;
  }

  public void setRequestsPerMinute(Integer requestsPerMinute) {
    this.requestsPerMinute = requestsPerMinute;
  }

  public Integer getTokensPerMinute() {
    return tokensPerMinute;
  }

  public void setTokensPerMinute(Integer tokensPerMinute) {
    this.tokensPerMinute = tokensPerMinute;
  }

  public Integer getToolCallsPerMinute() {
    return toolCallsPerMinute;
  }

  public void setToolCallsPerMinute(Integer toolCallsPerMinute) {
    this.toolCallsPerMinute = toolCallsPerMinute;
  }
}
