package io.langop.proxy.config;

import java.time.Duration;

/**
 * Ejection of an endpoint that keeps failing: after {@code failureThreshold} consecutive failures it gets
 * no traffic for {@code ejectFor}; then one probe request is let through, and its success brings the
 * endpoint back while its failure ejects it again.
 */
public record CircuitBreakerSettings(Integer failureThreshold, Duration ejectFor) {

    public static final CircuitBreakerSettings DEFAULT = new CircuitBreakerSettings(null, null);

    public CircuitBreakerSettings {
        failureThreshold = failureThreshold == null ? 3 : Math.max(1, failureThreshold);
        ejectFor = ejectFor == null ? Duration.ofSeconds(30) : ejectFor;
    }
}
