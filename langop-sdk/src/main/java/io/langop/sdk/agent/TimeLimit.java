package io.langop.sdk.agent;

import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Runs work within a time limit on a thread of its own (a run, or a chat request). At the limit the
 * thread is interrupted: work that stops within the grace period ends with the caller's timeout error;
 * work that does not (a loop that never blocks or waits, since a Java thread cannot be killed) ends with
 * {@link RunStuckException} while its thread keeps running, and whoever owns the process must end it.
 */
public final class TimeLimit {

    /** How long interrupted work gets to stop before it is declared stuck, unless configured. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    private final Optional<Duration> limit;
    private final Duration stopGrace;

    /** @param limit none: the work runs on the caller's thread, unbounded */
    public TimeLimit(Optional<Duration> limit, Duration stopGrace) {
        this.limit = limit;
        this.stopGrace = stopGrace;
    }

    /**
     * Runs {@code work} and returns its result.
     *
     * @param timedOut the error for work that overstayed the limit and stopped when interrupted
     * @throws RunStuckException when the work overstayed the limit and did not stop within the grace period
     * @throws InterruptedException when the caller is interrupted (SIGTERM): the work is interrupted too
     */
    public <T> T call(String threadName, Callable<T> work, Supplier<? extends RuntimeException> timedOut)
            throws Exception {
        if (limit.isEmpty()) {
            return work.call();
        }
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Callable<T> traced = Context.current().wrap(work); // the run's span goes on in the thread
        FutureTask<T> task = new FutureTask<>(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            return traced.call();
        });
        Thread thread = Thread.ofVirtual().name(threadName).start(task);
        try {
            return resultOf(task, limit.get());
        } catch (TimeoutException expired) {
            if (!task.cancel(true)) {
                return resultOf(task, Duration.ZERO); // it finished just now
            }
            if (!thread.join(stopGrace)) {
                throw new RunStuckException("overstayed its time limit of " + limit.get() + " and did not stop within "
                        + stopGrace + " of being interrupted (a loop that never waits, in a custom step or a"
                        + " pattern?); its thread still runs");
            }
            throw timedOut.get();
        } catch (InterruptedException interrupted) {
            task.cancel(true);
            throw interrupted;
        }
    }

    private static <T> T resultOf(FutureTask<T> task, Duration wait) throws Exception {
        try {
            return task.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }
}
