package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.ConditionEvents;
import io.langop.operator.kube.ConditionEvents.Rule;
import java.util.List;

/**
 * Kubernetes Events for the synthesis steps ({@code kubectl describe} shows the history the
 * conditions overwrite). An event is posted when a condition enters a new state, so each step is told
 * once however often the agent is reconciled.
 */
final class SynthesisEvents {

    private static final ConditionEvents STEPS = new ConditionEvents(List.of(
            Rule.normal(CodeStatus.SYNTHESIZED, "Synthesizing", "SynthesisStarted"),
            Rule.normal(CodeStatus.SYNTHESIZED, "Synthesized", "SynthesisSucceeded"),
            Rule.warning(CodeStatus.SYNTHESIZED, "SynthesisUnavailable", "SynthesisFailed"),
            Rule.warning(CodeStatus.SYNTHESIZED, "SynthesisFailed", "SynthesisFailed"),
            Rule.warning(CodeStatus.VALIDATED, "ValidationFailed", "ValidationFailed"),
            Rule.normal(CodeStatus.DRY_RUN, "DryRunPassed", "DryRunPassed"),
            Rule.warning(CodeStatus.DRY_RUN, "DryRunFailed", "DryRunFailed"),
            Rule.warning(CodeStatus.ROLLED_BACK, CodeStatus.ROLLED_BACK, "RolledBack"),
            Rule.normal(CodeStatus.ROLLED_BACK, "Rewritten", "RewrittenAfterRollback")));

    private SynthesisEvents() {}

    /** Posts an event for each synthesis step whose condition is new in {@code after}. */
    static void post(KubernetesClient client, LanguageAgent agent, List<Condition> before, List<Condition> after) {
        STEPS.post(client, agent, before, after);
    }
}
