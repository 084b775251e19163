package io.langop.agent.runtime;

import io.langop.sdk.agent.RunOutcome;
import io.langop.wire.RunReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Prometheus counters for runs, their outcome and the tokens they used, and the run's report to the model
 * proxy (see {@link RunReporter}).
 */
final class RunMetrics {

    private final MeterRegistry registry;
    private final RunReporter reporter;

    RunMetrics(MeterRegistry registry, RunReporter reporter) {
        this.registry = registry;
        this.reporter = reporter;
    }

    void record(RunOutcome outcome) {
        Counter.builder("langop_agent_runs")
                .tag("outcome", outcome.kind())
                .register(registry)
                .increment();
        Counter.builder("langop_agent_tokens")
                .tag("kind", "input")
                .register(registry)
                .increment((double) outcome.usage().inputTokens());
        Counter.builder("langop_agent_tokens")
                .tag("kind", "output")
                .register(registry)
                .increment((double) outcome.usage().outputTokens());
        Counter.builder("langop_agent_llm_requests")
                .register(registry)
                .increment(outcome.usage().llmRequests());
        reporter.report(new RunReport(outcome.kind(), outcome instanceof RunOutcome.Succeeded));
    }
}
