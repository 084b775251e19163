package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Traffic of the model proxy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelMetrics {

    @JsonPropertyDescription("Requests.")
    private Long totalRequests;

    @JsonPropertyDescription("Successful requests.")
    private Long successfulRequests;

    @JsonPropertyDescription("Failed requests.")
    private Long failedRequests;

    @JsonPropertyDescription("Tokens.")
    private Long totalTokens;

    @JsonPropertyDescription("Prompt tokens.")
    private Long inputTokens;

    @JsonPropertyDescription("Completion tokens.")
    private Long outputTokens;

    @JsonPropertyDescription("Average latency in milliseconds.")
    private Integer averageLatency;

    @JsonPropertyDescription("95th percentile latency in milliseconds.")
    private Integer p95Latency;

    @JsonPropertyDescription("99th percentile latency in milliseconds.")
    private Integer p99Latency;

    public Long getTotalRequests() {
        return totalRequests;
    }

    public void setTotalRequests(Long totalRequests) {
        this.totalRequests = totalRequests;
    }

    public Long getSuccessfulRequests() {
        return successfulRequests;
    }

    public void setSuccessfulRequests(Long successfulRequests) {
        this.successfulRequests = successfulRequests;
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

    public Integer getAverageLatency() {
        return averageLatency;
    }

    public void setAverageLatency(Integer averageLatency) {
        this.averageLatency = averageLatency;
    }

    public Integer getP95Latency() {
        return p95Latency;
    }

    public void setP95Latency(Integer p95Latency) {
        this.p95Latency = p95Latency;
    }

    public Integer getP99Latency() {
        return p99Latency;
    }

    public void setP99Latency(Integer p99Latency) {
        this.p99Latency = p99Latency;
    }
}
