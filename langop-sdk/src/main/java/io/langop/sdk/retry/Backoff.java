package io.langop.sdk.retry;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exponential backoff: attempt n (1-based) that fails with a retriable error waits
 * {@code min(baseDelay * 2^(n-1), maxDelay)} before the next attempt.
 */
public record Backoff(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);

    /** MCP servers: 4 attempts, 1 s, 2 s, 4 s apart, because sidecars start after the agent. */
    public static final Backoff MCP_CONNECT = new Backoff(4, Duration.ofSeconds(1), Duration.ofSeconds(30));
    /**
     * A tool call that did not reach its MCP server (nothing listening, or a session the restarted server
     * no longer knows): 6 attempts, 0.25 s doubling to 4 s apart, so a restart of up to ~8 s goes unnoticed.
     */
    public static final Backoff MCP_RECONNECT = new Backoff(6, Duration.ofMillis(250), Duration.ofSeconds(4));
    /**
     * A memory store that could not be reached: 6 attempts, 0.25 s doubling to 4 s apart (7.75 s in all), so a
     * restart of Redis, Postgres or an S3 server within that time loses nothing a run writes.
     */
    public static final Backoff MEMORY = new Backoff(6, Duration.ofMillis(250), Duration.ofSeconds(4));
    /** LLM calls answered 429 or 5xx. */
    public static final Backoff LLM_CALL = new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    public Duration delayAfter(int attempt) {
        long millis = baseDelay.toMillis() << Math.min(attempt - 1, 30);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    /** Runs {@code action}, retrying errors {@code retriable} accepts; the last error is rethrown. */
    public <T> T call(String what, Callable<T> action, Predicate<Exception> retriable) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.call();
            } catch (Exception failure) {
                if (attempt >= maxAttempts || !retriable.test(failure)) {
                    throw failure;
                }
                Duration delay = delayAfter(attempt);
                LOG.warn(
                        "{} failed, retrying (attempt {}/{}, retry in {} ms): {}",
                        what,
                        attempt,
                        maxAttempts,
                        delay.toMillis(),
                        failure.getMessage());
                Thread.sleep(delay);
            }
        }
    }
}
