package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.langop.api.v1alpha1.Frequency;

/** How often a tool was used. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolFrequency extends Frequency {

    @Required
    @JsonPropertyDescription("Tool name.")
    private String toolName;

    public String getToolName() {
        return toolName;
    }

    public void setToolName(String toolName) {
        this.toolName = toolName;
    }
}
