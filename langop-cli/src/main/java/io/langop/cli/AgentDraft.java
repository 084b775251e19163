package io.langop.cli;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import java.util.List;
import java.util.Optional;

/**
 * The LanguageAgent {@code langop create agent} makes from a sentence: its instructions, the models and tools it
 * may use, how it runs, and what the namespace already settles (its LanguageCluster, the agent image).
 *
 * @param schedule set for a scheduled agent; without it and without {@code interactive} or {@code onWebhook} the
 *     agent is autonomous
 */
record AgentDraft(
        String name,
        String namespace,
        String instructions,
        List<String> models,
        List<String> tools,
        Optional<String> schedule,
        boolean interactive,
        boolean onWebhook,
        Optional<String> clusterRef,
        String image) {

    ExecutionMode mode() {
        if (schedule.isPresent()) {
            return ExecutionMode.SCHEDULED;
        }
        if (interactive) {
            return ExecutionMode.INTERACTIVE;
        }
        return onWebhook ? ExecutionMode.EVENT_DRIVEN : ExecutionMode.AUTONOMOUS;
    }

    LanguageAgent toAgent() {
        LanguageAgentSpec spec = new LanguageAgentSpec();
        spec.setInstructions(instructions);
        spec.setExecutionMode(mode());
        schedule.ifPresent(spec::setSchedule);
        if (onWebhook) {
            EventTrigger webhook = new EventTrigger();
            webhook.setType(EventTriggerType.WEBHOOK);
            spec.setEventTriggers(List.of(webhook));
        }
        spec.setModelRefs(models.stream()
                .map(model -> {
                    ModelReference reference = new ModelReference();
                    reference.setName(model);
                    return reference;
                })
                .toList());
        if (!tools.isEmpty()) {
            spec.setToolRefs(tools.stream()
                    .map(tool -> {
                        ToolReference reference = new ToolReference();
                        reference.setName(tool);
                        return reference;
                    })
                    .toList());
        }
        clusterRef.ifPresent(spec::setClusterRef);
        spec.setImage(image);
        LanguageAgent agent = new LanguageAgent();
        agent.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        agent.setSpec(spec);
        return agent;
    }
}
