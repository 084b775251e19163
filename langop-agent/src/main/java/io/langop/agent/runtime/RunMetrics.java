package io.langop.agent.runtime;

import io.langop.sdk.agent.RunOutcome;

/**
 * What a run's end is counted as: the run counters of the agent's meters, and the run's report to the model proxy
 * (see {@link RunReporter}). The run's latency is recorded by the runner itself, while the run's span is current.
 */
final class RunMetrics {

    private final AgentMeters meters;
    private final RunReporter reporter;

    RunMetrics(AgentMeters meters, RunReporter reporter) {
        this.meters = meters;
        this.reporter = reporter;
    }

    void record(RunOutcome outcome) {
        meters.countRun(outcome);
        reporter.report(outcome.kind(), outcome instanceof RunOutcome.Succeeded, outcome.reason());
    }
}
