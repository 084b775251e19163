package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.langop.api.v1alpha1.ModelTrafficLimits;

/** Rate limits of an agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentRateLimits extends ModelTrafficLimits {

    @Min(1)
    @JsonPropertyDescription("Tool calls per minute.")
    private Integer toolCallsPerMinute;

    public Integer getToolCallsPerMinute() {
        return toolCallsPerMinute;
    }

    public void setToolCallsPerMinute(Integer toolCallsPerMinute) {
        this.toolCallsPerMinute = toolCallsPerMinute;
    }
}
