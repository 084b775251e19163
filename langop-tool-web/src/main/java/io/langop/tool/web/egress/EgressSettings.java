package io.langop.tool.web.egress;

import java.time.Duration;
import java.util.Objects;

/**
 * How the web tools reach the network.
 *
 * @param userAgent sent with every request
 * @param connectTimeout for establishing each connection
 * @param timeout for a whole fetch, redirects and body included
 * @param maxResponseBytes body bytes read at most; the rest is not downloaded
 * @param policy which addresses may be contacted
 */
public record EgressSettings(
        String userAgent, Duration connectTimeout, Duration timeout, int maxResponseBytes, AddressPolicy policy) {

    /** Redirect hops followed at most, each one checked like the first request. */
    public static final int MAX_REDIRECTS = 5;

    public EgressSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(policy, "policy");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
        }
    }
}
