package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.ResourceStatus;
import java.util.List;

/** Observed state of a LanguageAgent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageAgentStatus extends ResourceStatus {

    @JsonPropertyDescription("Lifecycle phase.")
    private AgentPhase phase;

    @JsonPropertyDescription("Agent pods running, or jobs active for a scheduled agent.")
    private Integer activeReplicas;

    @JsonPropertyDescription("Agent pods ready.")
    private Integer readyReplicas;

    @JsonPropertyDescription(
            "Executions the agent reported ended, since the counters last started (costMetrics.lastReset).")
    private Long executionCount;

    @JsonPropertyDescription("Executions that succeeded.")
    private Long successfulExecutions;

    @JsonPropertyDescription("Executions that failed.")
    private Long failedExecutions;

    @JsonPropertyDescription("When the last execution ended (RFC 3339).")
    private String lastExecutionTime;

    @JsonPropertyDescription("How the last execution ended: succeeded, failed, stuck, constraint_<kind>.")
    private String lastExecutionResult;

    @JsonPropertyDescription("Aggregated execution metrics.")
    private AgentMetrics metrics;

    @JsonPropertyDescription("Usage per model.")
    private List<ModelUsage> modelUsage;

    @JsonPropertyDescription("Tool calls waiting for a person's approval, as the agent last told its first model's"
            + " proxy (read every minute).")
    private List<PendingApproval> pendingApprovals;

    @JsonPropertyDescription("Cost.")
    private AgentCostMetrics costMetrics;

    @JsonPropertyDescription("Outcome of the last code synthesis.")
    private SynthesisStatus synthesis;

    public AgentPhase getPhase() {
        return phase;
    }

    public void setPhase(AgentPhase phase) {
        this.phase = phase;
    }

    public Integer getActiveReplicas() {
        return activeReplicas;
    }

    public void setActiveReplicas(Integer activeReplicas) {
        this.activeReplicas = activeReplicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public Long getExecutionCount() {
        return executionCount;
    }

    public void setExecutionCount(Long executionCount) {
        this.executionCount = executionCount;
    }

    public Long getSuccessfulExecutions() {
        return successfulExecutions;
    }

    public void setSuccessfulExecutions(Long successfulExecutions) {
        this.successfulExecutions = successfulExecutions;
    }

    public Long getFailedExecutions() {
        return failedExecutions;
    }

    public void setFailedExecutions(Long failedExecutions) {
        this.failedExecutions = failedExecutions;
    }

    public String getLastExecutionTime() {
        return lastExecutionTime;
    }

    public void setLastExecutionTime(String lastExecutionTime) {
        this.lastExecutionTime = lastExecutionTime;
    }

    public String getLastExecutionResult() {
        return lastExecutionResult;
    }

    public void setLastExecutionResult(String lastExecutionResult) {
        this.lastExecutionResult = lastExecutionResult;
    }

    public AgentMetrics getMetrics() {
        return metrics;
    }

    public void setMetrics(AgentMetrics metrics) {
        this.metrics = metrics;
    }

    public List<PendingApproval> getPendingApprovals() {
        return pendingApprovals;
    }

    public void setPendingApprovals(List<PendingApproval> pendingApprovals) {
        this.pendingApprovals = pendingApprovals;
    }

    public List<ModelUsage> getModelUsage() {
        return modelUsage;
    }

    public void setModelUsage(List<ModelUsage> modelUsage) {
        this.modelUsage = modelUsage;
    }

    public AgentCostMetrics getCostMetrics() {
        return costMetrics;
    }

    public void setCostMetrics(AgentCostMetrics costMetrics) {
        this.costMetrics = costMetrics;
    }

    public SynthesisStatus getSynthesis() {
        return synthesis;
    }

    public void setSynthesis(SynthesisStatus synthesis) {
        this.synthesis = synthesis;
    }
}
