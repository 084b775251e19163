package io.langop.proxy.limits;

import io.langop.proxy.config.RateLimits;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/** The limits of one scope (a model or a client key): requests/min, tokens/min, requests in flight. */
public final class Limiter {

    private final RateLimits limits;
    private final TokenBucket requests;
    private final TokenBucket tokens;
    private final Semaphore inFlight;

    Limiter(RateLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.requests = limits.requestsPerMinute() == null ? null : new TokenBucket(limits.requestsPerMinute(), clock);
        this.tokens = limits.tokensPerMinute() == null ? null : new TokenBucket(limits.tokensPerMinute(), clock);
        this.inFlight = limits.concurrentRequests() == null ? null : new Semaphore(limits.concurrentRequests());
    }

    RateLimits limits() {
        return limits;
    }

    /**
     * Admits one request expected to use {@code estimatedTokens}, or says how long to wait. A refusal takes
     * nothing from any bucket.
     */
    Decision tryAdmit(String scope, long estimatedTokens) {
        if (inFlight != null && !inFlight.tryAcquire()) {
            return new Decision.Refused(
                    scope + " has " + limits.concurrentRequests() + " requests in flight",
                    "requests",
                    Duration.ofSeconds(1));
        }
        if (requests != null) {
            Duration wait = requests.tryTake(1, 1);
            if (!wait.isZero()) {
                releaseSlot();
                return new Decision.Refused(
                        scope + " is over " + limits.requestsPerMinute() + " requests per minute", "requests", wait);
            }
        }
        if (tokens != null) {
            // Admit while anything is left but charge the whole estimate: the real count is only known afterwards,
            // and a request bigger than the bucket must still be possible.
            // Buckets count in doubles (they refill by fractions): token counts are exact in them far beyond 2^50.
            Duration wait =
                    tokens.tryTake((double) Math.min(Math.max(1, estimatedTokens), limits.tokensPerMinute()), (double)
                            estimatedTokens);
            if (!wait.isZero()) {
                if (requests != null) {
                    requests.adjust(1);
                }
                releaseSlot();
                return new Decision.Refused(
                        scope + " is over " + limits.tokensPerMinute() + " tokens per minute", "tokens", wait);
            }
        }
        return Decision.ADMITTED;
    }

    /** Undoes an admission whose request was never sent (another scope refused it). */
    void undo(long estimatedTokens) {
        if (requests != null) {
            requests.adjust(1);
        }
        if (tokens != null) {
            tokens.adjust((double) estimatedTokens);
        }
        releaseSlot();
    }

    void settle(long estimatedTokens, long actualTokens) {
        if (tokens != null) {
            tokens.adjust((double) (estimatedTokens - actualTokens));
        }
    }

    void releaseSlot() {
        if (inFlight != null) {
            inFlight.release();
        }
    }

    sealed interface Decision {
        Decision ADMITTED = new Admitted();

        record Admitted() implements Decision {}

        record Refused(String reason, String kind, Duration retryAfter) implements Decision {}
    }
}
