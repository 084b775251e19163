package io.langop.operator.synthesis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bounds what synthesis can cost: each namespace may start at most {@code burst} syntheses at once and
 * earns one more every {@code refill}. A refused namespace learns how long to wait, so its agents are
 * requeued for exactly then instead of polling.
 */
public final class SynthesisRateLimit {

    private final int burst;
    private final Duration refill;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    public SynthesisRateLimit(int burst, Duration refill, Clock clock) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        if (refill.isZero() || refill.isNegative()) {
            throw new IllegalArgumentException("refill must be positive, got " + refill);
        }
        this.burst = burst;
        this.refill = refill;
        this.clock = clock;
    }

    /** Takes one synthesis from the namespace's budget: empty when granted, else how long to wait. */
    public synchronized Optional<Duration> tryAcquire(String namespace) {
        Instant now = clock.instant();
        Bucket bucket = buckets.containsKey(namespace)
                ? buckets.get(namespace).refilledAt(now, burst, refill)
                : new Bucket(burst, now);
        if (bucket.tokens() >= 1) {
            buckets.put(namespace, new Bucket(bucket.tokens() - 1, now));
            return Optional.empty();
        }
        buckets.put(namespace, bucket);
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens()) * refill.toNanos())));
    }

    private record Bucket(double tokens, Instant updated) {
        Bucket refilledAt(Instant now, int burst, Duration refill) {
            double earned = (double) Duration.between(updated, now).toNanos() / refill.toNanos();
            return new Bucket(Math.min(burst, tokens + earned), now);
        }
    }
}
