package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Per-user rate limits of a client. */
@ValidationRule(
        value = "!has(self.costPerDay)",
        message = "costPerDay is not supported yet: limit requests or tokens per user")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientRateLimits {

    @Min(1)
    @JsonPropertyDescription("Requests per user and minute.")
    private Integer requestsPerMinute;

    @Min(1)
    @JsonPropertyDescription("Requests per user and hour.")
    private Integer requestsPerHour;

    @Min(1)
    @JsonPropertyDescription("Requests per user and day.")
    private Integer requestsPerDay;

    @Min(1)
    @JsonPropertyDescription("Tokens per user and minute.")
    private Integer tokensPerMinute;

    @Min(1)
    @JsonPropertyDescription("Tokens per user and day.")
    private Integer tokensPerDay;

    @Min(0)
    @JsonPropertyDescription("Cost per user and day in cents.")
    private Integer costPerDay;

    @Min(1)
    @JsonPropertyDescription("Sessions per user at the same time.")
    private Integer concurrentSessions;

    @Default("sliding-window")
    @JsonPropertyDescription("Limiter algorithm.")
    private RateLimitStrategy strategy;

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public Integer getRequestsPerHour() {
        return requestsPerHour;
    }

    public void setRequestsPerHour(Integer requestsPerHour) {
        this.requestsPerHour = requestsPerHour;
    }

    public Integer getRequestsPerDay() {
        return requestsPerDay;
    }

    public void setRequestsPerDay(Integer requestsPerDay) {
        this.requestsPerDay = requestsPerDay;
    }

    public Integer getTokensPerMinute() {
        return tokensPerMinute;
    }

    public void setTokensPerMinute(Integer tokensPerMinute) {
        this.tokensPerMinute = tokensPerMinute;
    }

    public Integer getTokensPerDay() {
        return tokensPerDay;
    }

    public void setTokensPerDay(Integer tokensPerDay) {
        this.tokensPerDay = tokensPerDay;
    }

    public Integer getCostPerDay() {
        return costPerDay;
    }

    public void setCostPerDay(Integer costPerDay) {
        this.costPerDay = costPerDay;
    }

    public Integer getConcurrentSessions() {
        return concurrentSessions;
    }

    public void setConcurrentSessions(Integer concurrentSessions) {
        this.concurrentSessions = concurrentSessions;
    }

    public RateLimitStrategy getStrategy() {
        return strategy;
    }

    public void setStrategy(RateLimitStrategy strategy) {
        this.strategy = strategy;
    }
}
