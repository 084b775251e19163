package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.egress.EgressRules;
import java.util.List;
import java.util.Optional;

/** Plans for the builder tests: what a reconcile would hand the agent's dependents. */
final class AgentPlans {

    private AgentPlans() {}

    static AgentPlan plan(LanguageAgent agent, List<LanguageModel> models, List<LanguageTool> tools) {
        return plan(agent, models, tools, List.of());
    }

    static AgentPlan plan(
            LanguageAgent agent,
            List<LanguageModel> models,
            List<LanguageTool> tools,
            List<NetworkPolicyEgressRule> egress) {
        return new AgentPlan(
                agent, models, tools, null, new EgressRules.Resolved(egress, List.of()), Optional.empty(), null);
    }

    /** The agent {@code news} in {@code team}, on model {@code qwen}, as the fixtures make it. */
    static LanguageAgent news() {
        LanguageAgent agent = Fixtures.agent("team", "news", "qwen");
        agent.getMetadata().setUid("0b7e1c9a-agent");
        return agent;
    }
}
