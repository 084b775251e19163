package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the model proxy spreads requests over endpoints. */
public enum LoadBalancingStrategy {
    @JsonProperty("round-robin")
    ROUND_ROBIN,
    @JsonProperty("least-connections")
    LEAST_CONNECTIONS,
    @JsonProperty("random")
    RANDOM,
    @JsonProperty("weighted")
    WEIGHTED,
    @JsonProperty("latency-based")
    LATENCY_BASED
}
