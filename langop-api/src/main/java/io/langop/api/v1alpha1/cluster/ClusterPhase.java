package io.langop.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle phase of a LanguageCluster. */
public enum ClusterPhase {
    @JsonProperty("Pending")
    PENDING,
    @JsonProperty("Ready")
    READY,
    @JsonProperty("Failed")
    FAILED
}
