package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
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

    @JsonPropertyDescription("Tools whose calls need human approval.")
    private List<String> requireApprovalFor;

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
