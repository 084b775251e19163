package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.langop.api.v1alpha1.Patterns;
import io.langop.api.v1alpha1.SecretKeyReference;
import java.util.List;

/** Guard rails of an agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SafetyConfig {

    @Default("10")
    @Min(0)
    @JsonPropertyDescription("Tool calls allowed in one reasoning iteration.")
    private Integer maxToolCallsPerIteration;

    @JsonPropertyDescription("Tools the agent may never call.")
    private List<String> blockedTools;

    @JsonPropertyDescription("Tools whose calls need human approval: the run waits before the call until a person"
            + " approves (it goes on) or denies (it stops), or the approvalTimeout passes (it stops).")
    private List<String> requireApprovalFor;

    @JsonPropertyDescription("Whether every tool call with side effects needs human approval: the call of every tool"
            + " that does not declare itself read-only with the MCP annotation readOnlyHint.")
    private Boolean requireApprovalForSideEffects;

    @JsonPropertyDescription("The Secret key holding the token that people present (Authorization: Bearer) to approve"
            + " or deny tool calls at the agent's /approvals endpoint; without it nobody can decide and every call"
            + " that needs approval waits until its deadline. Passed to the agent as AGENT_APPROVAL_TOKEN.")
    private SecretKeyReference approvalTokenSecretRef;

    @Default("15m")
    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription(
            "How long a tool call waits for a person's decision; a run waits at most until its own" + " timeout.")
    private String approvalTimeout;

    @Size(max = 32)
    @JsonPropertyDescription("Filters applied to input and output.")
    private List<ContentFilter> contentFilters;

    @Min(0)
    @JsonPropertyDescription("Cost budget of one execution, in the currency of the models' cost tracking.")
    private Double maxCostPerExecution;

    public Integer getMaxToolCallsPerIteration() {
        return maxToolCallsPerIteration;
    }

    public void setMaxToolCallsPerIteration(Integer maxToolCallsPerIteration) {
        this.maxToolCallsPerIteration = maxToolCallsPerIteration;
    }

    public List<String> getBlockedTools() {
        return blockedTools;
    }

    public void setBlockedTools(List<String> blockedTools) {
        this.blockedTools = blockedTools;
    }

    public List<String> getRequireApprovalFor() {
        return requireApprovalFor;
    }

    public void setRequireApprovalFor(List<String> requireApprovalFor) {
        this.requireApprovalFor = requireApprovalFor;
    }

    public Boolean getRequireApprovalForSideEffects() {
        return requireApprovalForSideEffects;
    }

    public void setRequireApprovalForSideEffects(Boolean requireApprovalForSideEffects) {
        this.requireApprovalForSideEffects = requireApprovalForSideEffects;
    }

    public String getApprovalTimeout() {
        return approvalTimeout;
    }

    public void setApprovalTimeout(String approvalTimeout) {
        this.approvalTimeout = approvalTimeout;
    }

    public SecretKeyReference getApprovalTokenSecretRef() {
        return approvalTokenSecretRef;
    }

    public void setApprovalTokenSecretRef(SecretKeyReference approvalTokenSecretRef) {
        this.approvalTokenSecretRef = approvalTokenSecretRef;
    }

    public List<ContentFilter> getContentFilters() {
        return contentFilters;
    }

    public void setContentFilters(List<ContentFilter> contentFilters) {
        this.contentFilters = contentFilters;
    }

    public Double getMaxCostPerExecution() {
        return maxCostPerExecution;
    }

    public void setMaxCostPerExecution(Double maxCostPerExecution) {
        this.maxCostPerExecution = maxCostPerExecution;
    }
}
