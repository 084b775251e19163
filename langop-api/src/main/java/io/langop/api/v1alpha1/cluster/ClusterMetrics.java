package io.langop.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the model proxies of a cluster served, summed over its LanguageModels. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterMetrics {

    @JsonPropertyDescription("Requests the cluster's model proxies answered or refused.")
    private Long totalRequests;

    @JsonPropertyDescription("Requests that failed.")
    private Long failedRequests;

    @JsonPropertyDescription("Tokens.")
    private Long totalTokens;

    @JsonPropertyDescription("Prompt tokens.")
    private Long inputTokens;

    @JsonPropertyDescription("Completion tokens.")
    private Long outputTokens;

    @JsonPropertyDescription("Agent executions reported to the cluster's model proxies.")
    private Long executions;

    @JsonPropertyDescription("Of them, executions that succeeded.")
    private Long successfulExecutions;

    public Long getTotalRequests() {
        return totalRequests;
    }

    public void setTotalRequests(Long totalRequests) {
        this.totalRequests = totalRequests;
    }

    public Long getFailedRequests() {
        return failedRequests;
    }

    public void setFailedRequests(Long failedRequests) {
        this.failedRequests = failedRequests;
    }

    public Long getTotalTokens() {
        return totalTokens;
    }

    public void setTotalTokens(Long totalTokens) {
        this.totalTokens = totalTokens;
    }

    public Long getInputTokens() {
        return inputTokens;
    }

    public void setInputTokens(Long inputTokens) {
        this.inputTokens = inputTokens;
    }

    public Long getOutputTokens() {
        return outputTokens;
    }

    public void setOutputTokens(Long outputTokens) {
        this.outputTokens = outputTokens;
    }

    public Long getExecutions() {
        return executions;
    }

    public void setExecutions(Long executions) {
        this.executions = executions;
    }

    public Long getSuccessfulExecutions() {
        return successfulExecutions;
    }

    public void setSuccessfulExecutions(Long successfulExecutions) {
        this.successfulExecutions = successfulExecutions;
    }
}
