package io.langop.operator.synthesis;

import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.opentelemetry.context.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs syntheses off the reconcile threads. A reconcile asks for the code of an agent's current
 * fingerprint and gets an answer at once — started, still running, deferred by the namespace's rate
 * limit, or finished — and the service wakes that agent's reconcile when a synthesis ends, so a 30 s
 * LLM call for one agent never delays another agent's reconcile.
 *
 * <p>One synthesis per agent at a time: asking with a new fingerprint cancels the outdated run. A
 * rejected synthesis (invalid code after every repair round) is not retried for the same fingerprint;
 * only a change of the agent's inputs starts a new one. An unavailable LLM is retried with exponential
 * backoff.
 */
public final class SynthesisService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SynthesisService.class);
    private static final Duration LAST_RETRY = Duration.ofMinutes(10);

    /** What one synthesis needs besides the request: the LLM conversation and checks. */
    @FunctionalInterface
    public interface Job {
        SynthesisResult run(SynthesisRequest request) throws InterruptedException;
    }

    /** Namespace and name of an agent. */
    public record AgentKey(String namespace, String name) {
        public static AgentKey of(LanguageAgent agent) {
            return new AgentKey(
                    agent.getMetadata().getNamespace(), agent.getMetadata().getName());
        }

        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    /** The answer to {@link #request}. */
    public sealed interface Progress {}

    /** Running in the background (just started, or started by an earlier reconcile). */
    public record Running() implements Progress {}

    /** The namespace's synthesis budget is spent: ask again after {@code retryAfter}. */
    public record Deferred(Duration retryAfter) implements Progress {}

    /** Code that compiled and passed the policy (or, if {@code !result.succeeded()}, the diagnostics of the last round). */
    public record Finished(SynthesisResult result) implements Progress {}

    /** The LLM could not be reached; a new run starts when asked again after {@code retryAfter}. */
    public record Unavailable(String message, int failures, Duration retryAfter) implements Progress {}

    private sealed interface State {}

    /** {@code id} tells runs apart: a forgotten agent created again may ask for the same fingerprint. */
    private record InFlight(String fingerprint, long id, Future<?> run) implements State {}

    private record Done(String fingerprint, SynthesisResult result) implements State {}

    private record Failed(String fingerprint, String message, int failures, Instant retryAt) implements State {}

    private final Job job;
    private final SynthesisRateLimit rateLimit;
    private final Semaphore concurrentRuns;
    private final Consumer<AgentKey> wakeUp;
    private final Clock clock;
    private final Duration firstRetry;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("synthesis-", 0).factory());
    private final Map<AgentKey, State> states = new ConcurrentHashMap<>();
    private long runs;

    /**
     * @param maxConcurrentRuns how many LLM conversations may run at once, across all agents
     * @param wakeUp called with the agent whose synthesis ended, to trigger its reconcile
     */
    public SynthesisService(
            Job job, SynthesisRateLimit rateLimit, int maxConcurrentRuns, Consumer<AgentKey> wakeUp, Clock clock) {
        this(job, rateLimit, maxConcurrentRuns, wakeUp, clock, SynthesisSettings.DEFAULT_FIRST_RETRY);
    }

    /** @param firstRetry wait after the first failure to reach the LLM, doubled per failure in a row */
    public SynthesisService(
            Job job,
            SynthesisRateLimit rateLimit,
            int maxConcurrentRuns,
            Consumer<AgentKey> wakeUp,
            Clock clock,
            Duration firstRetry) {
        this.firstRetry = firstRetry;
        this.job = job;
        this.rateLimit = rateLimit;
        this.concurrentRuns = new Semaphore(maxConcurrentRuns);
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    /**
     * The service as the operator runs it: the namespace budget, concurrency and first retry of
     * {@code settings}, on the system clock.
     */
    public static SynthesisService of(SynthesisSettings settings, Job job, Consumer<AgentKey> wakeUp) {
        return new SynthesisService(
                job,
                new SynthesisRateLimit(settings.namespaceBurst(), settings.namespaceRefill(), Clock.systemUTC()),
                settings.concurrentRuns(),
                wakeUp,
                Clock.systemUTC(),
                settings.firstRetry());
    }

    /**
     * Where the synthesis of {@code agent} for {@code fingerprint} stands; starts it when nothing runs
     * or has run for this fingerprint. Never blocks on the LLM.
     *
     * @param fingerprint identifies the inputs (see {@link SynthesisFingerprint#annotations()})
     */
    public synchronized Progress request(AgentKey agent, String fingerprint, SynthesisRequest request) {
        State state = states.get(agent);
        if (state != null && fingerprintOf(state).equals(fingerprint)) {
            switch (state) {
                case InFlight ignored -> {
                    return new Running();
                }
                case Done done -> {
                    return new Finished(done.result());
                }
                case Failed failed
                when clock.instant().isBefore(failed.retryAt()) -> {
                    return new Unavailable(
                            failed.message(), failed.failures(), Duration.between(clock.instant(), failed.retryAt()));
                }
                case Failed ignored -> {}
            }
        }
        if (state instanceof InFlight outdated) {
            outdated.run().cancel(true);
        }
        Optional<Duration> wait = rateLimit.tryAcquire(agent.namespace());
        if (wait.isPresent()) {
            return new Deferred(wait.get());
        }
        int failuresSoFar =
                state instanceof Failed failed && failed.fingerprint().equals(fingerprint) ? failed.failures() : 0;
        long id = ++runs;
        // the synthesis span continues the trace of the reconcile that started it
        Future<?> run =
                executor.submit(Context.current().wrap(() -> run(agent, fingerprint, id, request, failuresSoFar)));
        states.put(agent, new InFlight(fingerprint, id, run));
        return new Running();
    }

    /** Drops what is known about an agent (it was deleted), cancelling its run. */
    public synchronized void forget(AgentKey agent) {
        if (states.remove(agent) instanceof InFlight running) {
            running.run().cancel(true);
        }
    }

    private void run(AgentKey agent, String fingerprint, long id, SynthesisRequest request, int failuresSoFar) {
        State outcome;
        try {
            concurrentRuns.acquire();
            try {
                outcome = new Done(fingerprint, job.run(request));
            } finally {
                concurrentRuns.release();
            }
        } catch (InterruptedException cancelled) {
            return; // a newer fingerprint replaced this run, or the operator is stopping
        } catch (RuntimeException failure) {
            int failures = failuresSoFar + 1;
            Duration backoff = backoff(failures, firstRetry);
            LOG.warn(
                    "synthesis of {} failed ({} in a row), retrying in {}s: {}",
                    agent,
                    failures,
                    backoff.toSeconds(),
                    failure.getMessage());
            outcome = new Failed(
                    fingerprint, failure.getMessage(), failures, clock.instant().plus(backoff));
        }
        synchronized (this) {
            if (!(states.get(agent) instanceof InFlight current) || current.id() != id) {
                return; // superseded or forgotten while running
            }
            states.put(agent, outcome);
        }
        wakeUp.accept(agent);
    }

    static Duration backoff(int failures) {
        return backoff(failures, SynthesisSettings.DEFAULT_FIRST_RETRY);
    }

    static Duration backoff(int failures, Duration firstRetry) {
        long factor = 1L << Math.min(failures - 1, 20);
        Duration delay = firstRetry.multipliedBy(factor);
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    private static String fingerprintOf(State state) {
        return switch (state) {
            case InFlight running -> running.fingerprint();
            case Done done -> done.fingerprint();
            case Failed failed -> failed.fingerprint();
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
