package io.langop.agent.runtime;

import io.langop.sdk.agent.RunOutcome;
import io.langop.sdk.agent.RunUsage;
import io.langop.sdk.metrics.CallTimings;
import io.langop.server.metrics.MeterBuilders;
import io.langop.wire.MeterName;
import io.langop.wire.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The agent's meters ({@link Meters}): runs and chat turns by outcome with the tokens and model requests they used,
 * and the latency histograms of runs, chat turns, model calls and tool calls. The histograms are recorded while the
 * span of what they time is current (the SDK reports through {@link CallTimings}), so their exemplars lead to it.
 */
final class AgentMeters implements CallTimings {

    private static final String OUTCOME = "outcome";
    /** A repeated delivery this pod had kept or run before: answered "delivered before". */
    static final String SEEN_BY_THIS_REPLICA = "this_replica";
    /** A delivery this pod kept that another replica claimed first (in the shared memory store), so it ran there. */
    static final String SEEN_BY_ANOTHER_REPLICA = "another_replica";

    private final MeterRegistry registry;

    AgentMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void modelCall(String model, boolean failed, long nanos) {
        time(Meters.AGENT_LLM_CALL_DURATION, nanos, "model", model, OUTCOME, outcome(failed));
    }

    @Override
    public void toolCall(String tool, boolean failed, long nanos) {
        time(Meters.AGENT_TOOL_CALL_DURATION, nanos, "tool", tool, OUTCOME, outcome(failed));
    }

    @Override
    public void run(String outcome, long nanos) {
        time(Meters.AGENT_RUN_DURATION, nanos, OUTCOME, outcome);
    }

    /** A run that ended, with what it used. */
    void countRun(RunOutcome outcome) {
        MeterBuilders.counter(Meters.AGENT_RUNS)
                .tag(OUTCOME, outcome.kind())
                .register(registry)
                .increment();
        countUsage(outcome.usage());
    }

    /** A trigger delivery that started no run because it was delivered before; {@code seenBy} says where. */
    void repeatedDelivery(String seenBy) {
        MeterBuilders.counter(Meters.AGENT_REPEATED_DELIVERIES)
                .tag("seen_by", seenBy)
                .register(registry)
                .increment();
    }

    /**
     * A chat request that ended; called while its span is current.
     *
     * @param outcome {@code answered}, {@code refused} (a constraint stopped it) or {@code failed}
     */
    void chatTurn(String outcome, RunUsage usage, long nanos) {
        MeterBuilders.counter(Meters.AGENT_CHAT_TURNS)
                .tag(OUTCOME, outcome)
                .register(registry)
                .increment();
        time(Meters.AGENT_CHAT_TURN_DURATION, nanos, OUTCOME, outcome);
        countUsage(usage);
    }

    private void countUsage(RunUsage usage) {
        // Counters count in doubles: exact up to 2^53 tokens
        MeterBuilders.counter(Meters.AGENT_TOKENS)
                .tag("kind", "input")
                .register(registry)
                .increment((double) usage.inputTokens());
        MeterBuilders.counter(Meters.AGENT_TOKENS)
                .tag("kind", "output")
                .register(registry)
                .increment((double) usage.outputTokens());
        MeterBuilders.counter(Meters.AGENT_LLM_REQUESTS).register(registry).increment(usage.llmRequests());
    }

    private void time(MeterName meter, long nanos, String... tags) {
        MeterBuilders.timer(meter).tags(tags).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String outcome(boolean failed) {
        return failed ? "error" : "success";
    }
}
