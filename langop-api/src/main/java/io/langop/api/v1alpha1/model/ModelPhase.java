package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle phase of a LanguageModel. */
public enum ModelPhase {
    @JsonProperty("Pending")
    PENDING,
    @JsonProperty("Configuring")
    CONFIGURING,
    @JsonProperty("Ready")
    READY,
    @JsonProperty("NotReady")
    NOT_READY,
    @JsonProperty("Degraded")
    DEGRADED,
    @JsonProperty("Failed")
    FAILED
}
