package io.langop.proxy.limits;

import io.langop.proxy.config.RateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * All limiters of the proxy, by scope ({@code model:<name>}, {@code client:<name>}). They outlive
 * configuration reloads: a scope keeps its buckets unless its limits change.
 *
 * <p>With {@link SharedBuckets} (a Redis the replicas share) requests/min and tokens/min are counted there, so the
 * replicas together keep one limit; while it cannot be reached each replica counts in its own buckets, sized to its
 * share of the limit. Requests in flight are always counted per replica: a slot held in Redis by a replica that
 * died would stay taken.
 */
public final class RateLimiters {

    private final Map<String, Limiter> limiters = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final SharedBuckets shared;
    private volatile int replicas = 1;

    public RateLimiters() {
        this(System::nanoTime, null);
    }

    public RateLimiters(LongSupplier clock) {
        this(clock, null);
    }

    /** @param shared where the replicas count together; null when each counts for itself */
    public RateLimiters(LongSupplier clock, SharedBuckets shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /** How many replicas share the limits: each one's own buckets hold its share of them. */
    public void replicas(int replicas) {
        this.replicas = replicas;
    }

    /**
     * Admits a request in every scope or in none.
     *
     * @return the permit to {@link Permit#close() close} when the request ends, or the refusal
     */
    public Admission admit(List<Scope> scopes, long estimatedTokens) {
        int sharing = replicas;
        List<Limiter> held = new ArrayList<>(scopes.size());
        for (Scope scope : scopes) {
            if (scope.limits().equals(RateLimits.UNLIMITED)) {
                continue;
            }
            Limiter limiter = limiters.compute(
                    scope.key(),
                    (key, existing) -> existing != null && existing.keeps(scope.limits(), sharing)
                            ? existing
                            : new Limiter(scope.key(), scope.limits(), sharing, clock));
            if (limiter.tryHoldSlot() instanceof Limiter.Decision.Refused refused) {
                held.forEach(Limiter::releaseSlot);
                return refusal(refused);
            }
            held.add(limiter);
        }
        if (held.isEmpty()) {
            return new Permit(held, estimatedTokens, null);
        }
        Optional<Limiter.Decision> together = shared == null ? Optional.empty() : shared.tryTake(held, estimatedTokens);
        if (together.isPresent()) {
            if (together.get() instanceof Limiter.Decision.Refused refused) {
                held.forEach(Limiter::releaseSlot);
                return refusal(refused);
            }
            return new Permit(held, estimatedTokens, shared);
        }
        List<Limiter> taken = new ArrayList<>(held.size());
        for (Limiter limiter : held) {
            if (limiter.tryTake(estimatedTokens) instanceof Limiter.Decision.Refused refused) {
                taken.forEach(l -> l.untake(estimatedTokens));
                held.forEach(Limiter::releaseSlot);
                return refusal(refused);
            }
            taken.add(limiter);
        }
        return new Permit(held, estimatedTokens, null);
    }

    private static Admission.Refused refusal(Limiter.Decision.Refused refused) {
        return new Admission.Refused(refused.reason(), refused.kind(), refused.retryAfter());
    }

    /** Forgets scopes that no longer exist in the configuration. */
    public void retainOnly(Set<String> scopeKeys) {
        limiters.keySet().retainAll(scopeKeys);
    }

    public record Scope(String key, RateLimits limits) {
        public static Scope model(String name, RateLimits limits) {
            return new Scope("model:" + name, limits);
        }

        public static Scope client(String name, RateLimits limits) {
            return new Scope("client:" + name, limits);
        }
    }

    public sealed interface Admission permits Permit, Admission.Refused {
        /**
         * A request the limits refuse, and when to come back.
         *
         * @param kind {@code requests} or {@code tokens}, as in OpenAI's rate-limit error type
         */
        record Refused(String reason, String kind, Duration retryAfter) implements Admission {}
    }

    /** An admitted request's hold on its limiters. */
    public static final class Permit implements Admission, AutoCloseable {
        private final List<Limiter> limiters;
        private final long estimatedTokens;
        /** Where the request's buckets were taken from: shared ones, or (null) this replica's. */
        private final SharedBuckets takenFrom;

        private boolean closed;

        Permit(List<Limiter> limiters, long estimatedTokens, SharedBuckets takenFrom) {
            this.limiters = limiters;
            this.estimatedTokens = estimatedTokens;
            this.takenFrom = takenFrom;
        }

        /** Corrects the token buckets with the real count once the response is known. */
        public void settleTokens(long actualTokens) {
            if (takenFrom != null) {
                takenFrom.settle(limiters, estimatedTokens, actualTokens);
            } else {
                limiters.forEach(l -> l.settle(estimatedTokens, actualTokens));
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                limiters.forEach(Limiter::releaseSlot);
            }
        }
    }
}
