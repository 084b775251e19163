package io.langop.api.v1alpha1.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.ResourceStatus;
import java.util.List;

/** Observed state of a LanguageTool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageToolStatus extends ResourceStatus {

  @JsonPropertyDescription("Lifecycle phase.")
  private ToolPhase phase;

  @JsonPropertyDescription(
      "URL of the tool server: the Service URL, or localhost in the agent pod for sidecars.")
  private String endpoint;

  @JsonPropertyDescription("Names of the tools the server offers.")
  private List<String> availableTools;

  @JsonPropertyDescription("Agents that carry this tool as a sidecar.")
  private List<String> sidecarAgents;

  @JsonPropertyDescription("Pods ready.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Pods available.")
  private Integer availableReplicas;

  @JsonPropertyDescription("Pods running the current template.")
  private Integer updatedReplicas;

  @JsonPropertyDescription("Pods unavailable.")
  private Integer unavailableReplicas;

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

  public List<String> getAvailableTools() {
    return availableTools;
  }

  public void setAvailableTools(List<String> availableTools) {
    this.availableTools = availableTools;
  }

  public List<String> getSidecarAgents() {
    return sidecarAgents;
  }

  public void setSidecarAgents(List<String> sidecarAgents) {
    this.sidecarAgents = sidecarAgents;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public Integer getAvailableReplicas() {
    return availableReplicas;
  }

  public void setAvailableReplicas(Integer availableReplicas) {
    this.availableReplicas = availableReplicas;
  }

  public Integer getUpdatedReplicas() {
    return updatedReplicas;
  }

  public void setUpdatedReplicas(Integer updatedReplicas) {
    this.updatedReplicas = updatedReplicas;
  }

  public Integer getUnavailableReplicas() {
    return unavailableReplicas;
  }

  public void setUnavailableReplicas(Integer unavailableReplicas) {
    this.unavailableReplicas = unavailableReplicas;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }
}
