package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** How an agent used one tool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolUsage {

    @Required
    @JsonPropertyDescription("Tool name.")
    private String toolName;

    @Required
    @JsonPropertyDescription("Calls.")
    private Long invocationCount;

    @Required
    @JsonPropertyDescription("Successful calls.")
    private Long successCount;

    @Required
    @JsonPropertyDescription("Failed calls.")
    private Long failureCount;

    @JsonPropertyDescription("Average latency in milliseconds.")
    private Integer averageLatency;

    public String getToolName() {
        return toolName;
    }

    public void setToolName(String toolName) {
        this.toolName = toolName;
    }

    public Long getInvocationCount() {
        return invocationCount;
    }

    public void setInvocationCount(Long invocationCount) {
        this.invocationCount = invocationCount;
    }

    public Long getSuccessCount() {
        return successCount;
    }

    public void setSuccessCount(Long successCount) {
        this.successCount = successCount;
    }

    public Long getFailureCount() {
        return failureCount;
    }

    public void setFailureCount(Long failureCount) {
        this.failureCount = failureCount;
    }

    public Integer getAverageLatency() {
        return averageLatency;
    }

    public void setAverageLatency(Integer averageLatency) {
        this.averageLatency = averageLatency;
    }
}
