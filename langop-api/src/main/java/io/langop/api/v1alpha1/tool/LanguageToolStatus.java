package io.langop.api.v1alpha1.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.ServiceWorkloadStatus;
import java.util.List;

/** Observed state of a LanguageTool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageToolStatus extends ServiceWorkloadStatus {

    @JsonPropertyDescription("Lifecycle phase.")
    private ToolPhase phase;

    @JsonPropertyDescription("URL of the tool server: the Service URL, or localhost in the agent pod for sidecars.")
    private String endpoint;

    @JsonPropertyDescription("The tools the server offers, as it lists them: name, description, parameters and "
            + "answer schemas; written when it changes. A sidecar tool is listed by a short-lived catalog pod.")
    private List<AvailableTool> availableTools;

    @JsonPropertyDescription("Agents that carry this tool as a sidecar.")
    private List<String> sidecarAgents;

    @JsonPropertyDescription("Last phase change (RFC 3339).")
    private String lastTransitionTime;

    public ToolPhase getPhase() {
        return phase;
    }

    public void setPhase(ToolPhase phase) {
        this.phase = phase;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public List<AvailableTool> getAvailableTools() {
        return availableTools;
    }

    public void setAvailableTools(List<AvailableTool> availableTools) {
        this.availableTools = availableTools;
    }

    public List<String> getSidecarAgents() {
        return sidecarAgents;
    }

    public void setSidecarAgents(List<String> sidecarAgents) {
        this.sidecarAgents = sidecarAgents;
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }
}
