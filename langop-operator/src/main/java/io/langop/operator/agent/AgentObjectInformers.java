package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.Labels;
import java.util.Optional;
import java.util.Set;

/**
 * Informers on objects that the agents' workloads make and the operator does not own (a CronJob's Jobs, a
 * Deployment's pods): they carry the labels of the template they were made from, the agent's instance label among
 * them, which leads each back to its agent.
 */
final class AgentObjectInformers {

    private AgentObjectInformers() {}

    static <R extends HasMetadata> InformerEventSource<R, LanguageAgent> of(
            Class<R> type, String name, EventSourceContext<LanguageAgent> context) {
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(type, LanguageAgent.class)
                        .withName(name)
                        .withLabelSelector(Labels.AGENT_OBJECTS)
                        .withSecondaryToPrimaryMapper(object -> Optional.ofNullable(
                                        object.getMetadata().getLabels().get(Labels.INSTANCE))
                                .map(agent -> Set.of(new ResourceID(
                                        agent, object.getMetadata().getNamespace())))
                                .orElse(Set.of()))
                        .build(),
                context);
    }
}
