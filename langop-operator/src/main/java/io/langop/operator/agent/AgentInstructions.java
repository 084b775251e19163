package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.wire.AgentFiles;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ConfigMap {@code <agent>-instructions}: {@code spec.instructions} as the file the runtime reads
 * ({@link AgentFiles#INSTRUCTIONS_PATH}, named by {@code AGENT_INSTRUCTIONS_PATH}). A file and not an
 * environment variable, because one variable holds at most 128 KiB: longer instructions — or 64 Ki characters
 * of a script written with multi-byte characters — made the container fail to start. Removed when the agent
 * has no instructions. It shares the informer of {@link AgentCode}, so it is found by name and owner.
 */
public class AgentInstructions extends CRUDKubernetesDependentResource<ConfigMap, LanguageAgent> {

    static final String VOLUME = "agent-instructions";

    static String configMapName(LanguageAgent agent) {
        return Labels.name(agent, "instructions");
    }

    static boolean present(LanguageAgent agent) {
        String instructions = agent.getSpec().getInstructions();
        return instructions != null && !instructions.isBlank();
    }

    @Override
    protected ConfigMap desired(LanguageAgent agent, Context<LanguageAgent> context) {
        AgentPlan plan =
                context.managedWorkflowAndDependentResourceContext().getMandatory(AgentPlan.KEY, AgentPlan.class);
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(configMapName(agent))
                .withNamespace(agent.getMetadata().getNamespace())
                .withLabels(Labels.of(agent, "instructions", plan.clusterRef()))
                .withOwnerReferences(Owners.controller(agent))
                .endMetadata()
                .withData(Map.of(AgentFiles.INSTRUCTIONS_FILE, agent.getSpec().getInstructions()))
                .build();
    }

    @Override
    protected Optional<ConfigMap> selectTargetSecondaryResource(
            Set<ConfigMap> configMaps, LanguageAgent agent, Context<LanguageAgent> context) {
        return Owners.ownedNamed(configMaps, configMapName(agent), agent);
    }

    /** The agent has instructions; without them the ConfigMap is deleted. */
    public static class HasInstructions implements Condition<ConfigMap, LanguageAgent> {
        @Override
        public boolean isMet(
                DependentResource<ConfigMap, LanguageAgent> dependent,
                LanguageAgent agent,
                Context<LanguageAgent> context) {
            return present(agent);
        }
    }
}
