package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Aggregated execution metrics of an agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentMetrics {

    @JsonPropertyDescription("Average iterations per execution.")
    private Double averageIterations;

    @JsonPropertyDescription("Average execution time in seconds.")
    private Double averageExecutionTime;

    @JsonPropertyDescription("Tokens used by all executions.")
    private Long totalTokens;

    @JsonPropertyDescription("Tool calls made by all executions.")
    private Long totalToolCalls;

    @JsonPropertyDescription("Share of successful executions in percent.")
    private Double successRate;

    public Double getAverageIterations() {
        return averageIterations;
    }

    public void setAverageIterations(Double averageIterations) {
        this.averageIterations = averageIterations;
    }

    public Double getAverageExecutionTime() {
        return averageExecutionTime;
    }

    public void setAverageExecutionTime(Double averageExecutionTime) {
        this.averageExecutionTime = averageExecutionTime;
    }

    public Long getTotalTokens() {
        return totalTokens;
    }

    public void setTotalTokens(Long totalTokens) {
        this.totalTokens = totalTokens;
    }

    public Long getTotalToolCalls() {
        return totalToolCalls;
    }

    public void setTotalToolCalls(Long totalToolCalls) {
        this.totalToolCalls = totalToolCalls;
    }

    public Double getSuccessRate() {
        return successRate;
    }

    public void setSuccessRate(Double successRate) {
        this.successRate = successRate;
    }
}
