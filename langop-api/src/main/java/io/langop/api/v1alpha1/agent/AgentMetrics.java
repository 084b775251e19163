package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Aggregated execution metrics of an agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentMetrics {

    @JsonPropertyDescription("Tokens used by all executions.")
    private Long totalTokens;

    @JsonPropertyDescription("Share of successful executions in percent.")
    private Double successRate;

    public Long getTotalTokens() {
        return totalTokens;
    }

    public void setTotalTokens(Long totalTokens) {
        this.totalTokens = totalTokens;
    }

    public Double getSuccessRate() {
        return successRate;
    }

    public void setSuccessRate(Double successRate) {
        this.successRate = successRate;
    }
}
