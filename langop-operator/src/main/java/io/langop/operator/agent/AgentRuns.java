package io.langop.operator.agent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.usage.UsageBoard;
import java.util.Optional;

/**
 * What the runs of an agent tell of its code versions: whether a version ran well (it is good code to come back to)
 * and whether a new one failed its first runs (it is rolled back). A scheduled agent's runs are its Jobs
 * ({@link JobRuns}); an agent that runs in a Deployment (autonomous, interactive, event-driven) has no Job per run,
 * so its runs are those its runtime reported to its model proxy, per code version, and the restarts of its pods
 * ({@link ServedRuns}).
 */
interface AgentRuns {

    /** A run failure goes into conditions, annotations and the prompt: enough to see the error, no more. */
    int MAX_FAILURE_LENGTH = 1500;

    /** Whether a run of this code succeeded. */
    boolean succeeded(String codeHash);

    /**
     * How this code's first {@code count} finished runs failed, when they all did and none succeeded (for a person
     * and for the model that writes the next code); else empty.
     */
    Optional<String> firstRunsFailed(String codeHash, int count);

    static AgentRuns of(LanguageAgent agent, Context<LanguageAgent> context, UsageBoard usage) {
        return AgentPlan.isScheduled(agent) ? JobRuns.of(context) : ServedRuns.of(agent, context, usage);
    }

    /** {@code failure} cut to {@link #MAX_FAILURE_LENGTH}, keeping its end: the last lines say most. */
    static String bounded(String failure) {
        return failure.length() <= MAX_FAILURE_LENGTH
                ? failure
                : "…" + failure.substring(failure.length() - MAX_FAILURE_LENGTH + 1);
    }
}
