package io.langop.proxy.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a request picks one of a model's healthy endpoints (names as in LanguageModel spec.loadBalancing). */
public enum RoutingStrategy {
    ROUND_ROBIN("round-robin"),
    /** Smooth weighted round-robin over {@link EndpointConfig#weight()}. */
    WEIGHTED("weighted"),
    /** Fewest requests in flight; ties broken round-robin. */
    LEAST_CONNECTIONS("least-connections"),
    /** Lowest moving average of recent response latency; untried endpoints first. */
    LATENCY_BASED("latency-based"),
    RANDOM("random");

    private final String wireName;

    RoutingStrategy(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
