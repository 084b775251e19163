package io.langop.proxy.config;

import java.time.Duration;
import java.util.Set;

/**
 * Retries on one model. Connection errors and timeouts are always retryable; responses are retryable
 * when their status is in {@code retryableStatusCodes}. An upstream {@code Retry-After} longer than the
 * computed backoff (but within {@code maxBackoff}) is honoured.
 *
 * @param maxAttempts total attempts on this model including the first (1 = no retry; 0 is read as 1)
 */
public record RetryPolicy(
        Integer maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Double backoffMultiplier,
        Set<Integer> retryableStatusCodes) {

    public static final Set<Integer> DEFAULT_RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
    public static final RetryPolicy DEFAULT = new RetryPolicy(null, null, null, null, null);

    public RetryPolicy {
        maxAttempts = maxAttempts == null ? 3 : Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
        retryableStatusCodes = retryableStatusCodes == null || retryableStatusCodes.isEmpty()
                ? DEFAULT_RETRYABLE
                : Set.copyOf(retryableStatusCodes);
    }

    /** Backoff before attempt number {@code attempt + 1}, where {@code attempt} counts from 1. */
    public Duration backoffAfter(int attempt) {
        double nanos = initialBackoff.toNanos() * Math.pow(backoffMultiplier, attempt - 1);
        return nanos >= maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos((long) nanos);
    }
}
