package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle phase of a LanguageAgent. */
public enum AgentPhase {
    @JsonProperty("Pending")
    PENDING,
    @JsonProperty("Synthesizing")
    SYNTHESIZING,
    @JsonProperty("Running")
    RUNNING,
    @JsonProperty("Succeeded")
    SUCCEEDED,
    @JsonProperty("Failed")
    FAILED,
    @JsonProperty("Suspended")
    SUSPENDED,
    @JsonProperty("Unknown")
    UNKNOWN
}
