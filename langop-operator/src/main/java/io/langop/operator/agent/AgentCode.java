package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.Optional;
import java.util.Set;

/**
 * ConfigMap {@code <agent>-code}: the synthesized {@code Agent.java} with the fingerprint of its inputs
 * as annotations. While a new synthesis runs or fails, the plan carries the last good code, so the
 * ConfigMap (and the agent running from it) stays as it is; it is removed only when the agent brings its
 * own code or has nothing to synthesize from.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.AGENT_OBJECTS))
public class AgentCode extends CodeConfigMapDependent {

    @Override
    protected ConfigMap desired(LanguageAgent agent, Context<LanguageAgent> context) {
        AgentPlan plan =
                context.managedWorkflowAndDependentResourceContext().getMandatory(AgentPlan.KEY, AgentPlan.class);
        return plan.code()
                .orElseThrow()
                .configMap(agent, AgentPodTemplate.codeConfigMapName(agent), "code", plan.clusterRef());
    }

    /**
     * By name and owner, not from {@link #desired}: JOSDK picks the ConfigMap to update or delete with this
     * when the agent has no code left to keep, and then there is nothing to build a desired ConfigMap from.
     * The owner matters because the ConfigMaps of {@code codeRef}s are secondary resources of the agent too,
     * and a user's ConfigMap may well be called {@code <agent>-code}: it must never be taken for ours.
     */
    @Override
    protected Optional<ConfigMap> selectTargetSecondaryResource(
            Set<ConfigMap> configMaps, LanguageAgent agent, Context<LanguageAgent> context) {
        return Owners.ownedNamed(configMaps, AgentPodTemplate.codeConfigMapName(agent), agent);
    }

    /** There is synthesized code to keep; without it the ConfigMap is deleted. */
    public static class HasCode implements Condition<ConfigMap, LanguageAgent> {
        @Override
        public boolean isMet(
                DependentResource<ConfigMap, LanguageAgent> dependent,
                LanguageAgent agent,
                Context<LanguageAgent> context) {
            return context.managedWorkflowAndDependentResourceContext()
                    .getMandatory(AgentPlan.KEY, AgentPlan.class)
                    .code()
                    .isPresent();
        }
    }
}
