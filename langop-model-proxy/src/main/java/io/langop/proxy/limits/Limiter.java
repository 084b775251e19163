package io.langop.proxy.limits;

import io.langop.proxy.config.RateLimits;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * The limits of one scope (a model or a client key) in this replica: its requests in flight, and the token buckets
 * for requests/min and tokens/min that apply when the replicas share no Redis, or while it cannot be reached (then
 * each replica holds its share of every limit, {@link #share}).
 */
final class Limiter {

    private final String scope;
    private final RateLimits limits;
    private final int replicas;
    private final TokenBucket requests;
    private final TokenBucket tokens;
    private final Semaphore inFlight;

    Limiter(String scope, RateLimits limits, int replicas, LongSupplier clock) {
        this.scope = scope;
        this.limits = limits;
        this.replicas = replicas;
        this.requests = limits.requestsPerMinute() == null
                ? null
                : new TokenBucket(share(limits.requestsPerMinute(), replicas), clock);
        this.tokens = limits.tokensPerMinute() == null
                ? null
                : new TokenBucket(share(limits.tokensPerMinute(), replicas), clock);
        this.inFlight = limits.concurrentRequests() == null ? null : new Semaphore(limits.concurrentRequests());
    }

    /** One replica's part of a limit that {@code replicas} keep together: rounded up, so never zero. */
    static long share(long limit, int replicas) {
        return (limit + replicas - 1) / replicas;
    }

    String scope() {
        return scope;
    }

    RateLimits limits() {
        return limits;
    }

    boolean keeps(RateLimits limits, int replicas) {
        return this.limits.equals(limits) && this.replicas == replicas;
    }

    /** Takes one of the scope's slots for requests in flight (always this replica's own), or says why not. */
    Decision tryHoldSlot() {
        if (inFlight != null && !inFlight.tryAcquire()) {
            return new Decision.Refused(
                    scope + " has " + limits.concurrentRequests() + " requests in flight",
                    "requests",
                    Duration.ofSeconds(1));
        }
        return Decision.ADMITTED;
    }

    void releaseSlot() {
        if (inFlight != null) {
            inFlight.release();
        }
    }

    /**
     * Takes one request expected to use {@code estimatedTokens} from this replica's buckets, or says how long to
     * wait. A refusal takes nothing from either bucket.
     */
    Decision tryTake(long estimatedTokens) {
        if (requests != null) {
            Duration wait = requests.tryTake(1, 1);
            if (!wait.isZero()) {
                return refusedRequests(wait);
            }
        }
        if (tokens != null) {
            // Admit while anything is left but charge the whole estimate: the real count is only known afterwards,
            // and a request bigger than the bucket must still be possible.
            // Buckets count in doubles (they refill by fractions): token counts are exact in them far beyond 2^50.
            Duration wait = tokens.tryTake((double) neededTokens(estimatedTokens), (double) estimatedTokens);
            if (!wait.isZero()) {
                if (requests != null) {
                    requests.adjust(1);
                }
                return refusedTokens(wait);
            }
        }
        return Decision.ADMITTED;
    }

    /** What the token bucket must hold to admit a request estimated at {@code estimatedTokens}. */
    long neededTokens(long estimatedTokens) {
        return Math.min(Math.max(1, estimatedTokens), limits.tokensPerMinute());
    }

    Decision.Refused refusedRequests(Duration wait) {
        return new Decision.Refused(
                scope + " is over " + limits.requestsPerMinute() + " requests per minute", "requests", wait);
    }

    Decision.Refused refusedTokens(Duration wait) {
        return new Decision.Refused(
                scope + " is over " + limits.tokensPerMinute() + " tokens per minute", "tokens", wait);
    }

    /** Gives back what {@link #tryTake} took, for a request that was never sent (another scope refused it). */
    void untake(long estimatedTokens) {
        if (requests != null) {
            requests.adjust(1);
        }
        if (tokens != null) {
            tokens.adjust((double) estimatedTokens);
        }
    }

    void settle(long estimatedTokens, long actualTokens) {
        if (tokens != null) {
            tokens.adjust((double) (estimatedTokens - actualTokens));
        }
    }

    sealed interface Decision {
        Decision ADMITTED = new Admitted();

        record Admitted() implements Decision {}

        record Refused(String reason, String kind, Duration retryAfter) implements Decision {}
    }
}
