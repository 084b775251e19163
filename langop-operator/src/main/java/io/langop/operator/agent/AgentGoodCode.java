package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.wire.ObjectNames;
import java.util.Optional;
import java.util.Set;

/**
 * ConfigMap {@code <agent>-good-code}: the last synthesized code a run of the agent succeeded with, as it was
 * written (source and annotations), which a rollback puts back into {@code <agent>-code}. Written when a run of
 * new code succeeds; not mounted by any pod. Shares the informer of {@link AgentCode}.
 */
public class AgentGoodCode extends CodeConfigMapDependent {

    /** The workflow context key of the good code to keep, set by {@link AgentSynthesis} when there is any. */
    static final String KEY = AgentGoodCode.class.getName();

    static String configMapName(LanguageAgent agent) {
        return Labels.name(agent, ObjectNames.GOOD_CODE_ROLE);
    }

    /** The good code the agent's ConfigMap holds, from the informer cache. */
    static Optional<AgentSource> current(LanguageAgent agent, Context<LanguageAgent> context) {
        return Owners.ownedNamed(context.getSecondaryResources(ConfigMap.class), configMapName(agent), agent)
                .flatMap(AgentSource::of);
    }

    @Override
    protected ConfigMap desired(LanguageAgent agent, Context<LanguageAgent> context) {
        return context.managedWorkflowAndDependentResourceContext()
                .getMandatory(KEY, AgentSource.class)
                .asWritten()
                .configMap(
                        agent,
                        configMapName(agent),
                        ObjectNames.GOOD_CODE_ROLE,
                        agent.getSpec().getClusterRef());
    }

    @Override
    protected Optional<ConfigMap> selectTargetSecondaryResource(
            Set<ConfigMap> configMaps, LanguageAgent agent, Context<LanguageAgent> context) {
        return Owners.ownedNamed(configMaps, configMapName(agent), agent);
    }

    /** There is good code to keep; without it (the agent is no longer synthesized) the ConfigMap is deleted. */
    public static class HasGoodCode implements Condition<ConfigMap, LanguageAgent> {
        @Override
        public boolean isMet(
                DependentResource<ConfigMap, LanguageAgent> dependent,
                LanguageAgent agent,
                Context<LanguageAgent> context) {
            return context.managedWorkflowAndDependentResourceContext()
                    .get(KEY, AgentSource.class)
                    .isPresent();
        }
    }
}
