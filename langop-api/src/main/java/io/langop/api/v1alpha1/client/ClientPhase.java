package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle phase of a LanguageClient. */
public enum ClientPhase {
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
