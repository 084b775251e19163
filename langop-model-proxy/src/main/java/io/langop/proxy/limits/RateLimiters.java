package io.langop.proxy.limits;

import io.langop.proxy.config.RateLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * All limiters of the proxy, by scope ({@code model:<name>}, {@code client:<name>}). They outlive
 * configuration reloads: a scope keeps its buckets unless its limits change.
 */
public final class RateLimiters {

    private final Map<String, Limiter> limiters = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public RateLimiters() {
        this(System::nanoTime);
    }

    public RateLimiters(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Admits a request in every scope or in none.
     *
     * @return the permit to {@link Permit#close() close} when the request ends, or the refusal
     */
    public Admission admit(List<Scope> scopes, long estimatedTokens) {
        List<Limiter> admitted = new ArrayList<>(scopes.size());
        for (Scope scope : scopes) {
            if (scope.limits().equals(RateLimits.UNLIMITED)) {
                continue;
            }
            Limiter limiter = limiters.compute(
                    scope.key(),
                    (key, existing) -> existing != null && existing.limits().equals(scope.limits())
                            ? existing
                            : new Limiter(scope.limits(), clock));
            if (limiter.tryAdmit(scope.key(), estimatedTokens) instanceof Limiter.Decision.Refused refused) {
                admitted.forEach(l -> l.undo(estimatedTokens));
                return new Admission.Refused(refused.reason(), refused.kind(), refused.retryAfter());
            }
            admitted.add(limiter);
        }
        return new Permit(admitted, estimatedTokens);
    }

    /** Forgets scopes that no longer exist in the configuration. */
    public void retainOnly(java.util.Set<String> scopeKeys) {
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
        record Refused(String reason, String kind, java.time.Duration retryAfter) implements Admission {}
    }

    /** An admitted request's hold on its limiters. */
    public static final class Permit implements Admission, AutoCloseable {
        private final List<Limiter> limiters;
        private final long estimatedTokens;
        private boolean closed;

        Permit(List<Limiter> limiters, long estimatedTokens) {
            this.limiters = limiters;
            this.estimatedTokens = estimatedTokens;
        }

        /** Corrects the token buckets with the real count once the response is known. */
        public void settleTokens(long actualTokens) {
            limiters.forEach(l -> l.settle(estimatedTokens, actualTokens));
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
