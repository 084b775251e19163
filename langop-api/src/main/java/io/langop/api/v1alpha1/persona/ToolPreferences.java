package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.List;

/** How a persona uses tools. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolPreferences {

    @JsonPropertyDescription("Tools to use when they fit.")
    private List<String> preferredTools;

    @JsonPropertyDescription("Tools to avoid.")
    private List<String> avoidTools;

    @Default("balanced")
    @JsonPropertyDescription("How eagerly tools are used.")
    private ToolStrategy strategy;

    @Default("false")
    @JsonPropertyDescription("Ask before every tool call.")
    private Boolean alwaysConfirm;

    @Default("true")
    @JsonPropertyDescription("Explain why a tool is called.")
    private Boolean explainToolUse;

    public List<String> getPreferredTools() {
        return preferredTools;
    }

    public void setPreferredTools(List<String> preferredTools) {
        this.preferredTools = preferredTools;
    }

    public List<String> getAvoidTools() {
        return avoidTools;
    }

    public void setAvoidTools(List<String> avoidTools) {
        this.avoidTools = avoidTools;
    }

    public ToolStrategy getStrategy() {
        return strategy;
    }

    public void setStrategy(ToolStrategy strategy) {
        this.strategy = strategy;
    }

    public Boolean getAlwaysConfirm() {
        return alwaysConfirm;
    }

    public void setAlwaysConfirm(Boolean alwaysConfirm) {
        this.alwaysConfirm = alwaysConfirm;
    }

    public Boolean getExplainToolUse() {
        return explainToolUse;
    }

    public void setExplainToolUse(Boolean explainToolUse) {
        this.explainToolUse = explainToolUse;
    }
}
