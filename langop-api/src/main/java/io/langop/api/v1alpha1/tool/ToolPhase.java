package io.langop.api.v1alpha1.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle phase of a LanguageTool. */
public enum ToolPhase {
    @JsonProperty("Pending")
    PENDING,
    @JsonProperty("Running")
    RUNNING,
    @JsonProperty("Updating")
    UPDATING,
    @JsonProperty("Failed")
    FAILED,
    @JsonProperty("Unknown")
    UNKNOWN
}
