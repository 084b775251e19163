package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** Rate limits the model proxy enforces. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelRateLimits {

  @Min(1)
  @JsonPropertyDescription("Requests per minute.")
  private Integer requestsPerMinute;

  @Min(1)
  @JsonPropertyDescription("Tokens per minute.")
  private Integer tokensPerMinute;

  @Min(1)
  @JsonPropertyDescription("Requests in flight at the same time.")
  private Integer concurrentRequests;

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

  public Integer getConcurrentRequests() {
    return concurrentRequests;
  }

  public void setConcurrentRequests(Integer concurrentRequests) {
    this.concurrentRequests = concurrentRequests;
  }
}
