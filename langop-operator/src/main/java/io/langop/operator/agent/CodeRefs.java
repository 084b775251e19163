package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ConfigMaps agents name in {@code spec.codeRef}, watched by an informer: a reconcile reads the
 * brought code from the cache instead of the API server, and an edit of the ConfigMap reconciles every
 * agent that references it (through an index on the agent cache), so the new code is checked and rolled
 * out. The informer sees every ConfigMap of the watched namespaces, because a user's ConfigMap carries
 * no label the operator could select on; only the referenced ones lead to reconciles.
 */
final class CodeRefs {

    static final String EVENT_SOURCE = "code-refs";
    private static final String INDEX = "langop-code-refs";

    private CodeRefs() {}

    static Optional<ResourceID> id(LanguageAgent agent) {
        var ref = agent.getSpec() == null ? null : agent.getSpec().getCodeRef();
        return ref == null || ref.getName() == null
                ? Optional.empty()
                : Optional.of(new ResourceID(ref.getName(), agent.getMetadata().getNamespace()));
    }

    private static String key(ResourceID id) {
        return id.getNamespace().orElse("") + "/" + id.getName();
    }

    static EventSource<ConfigMap, LanguageAgent> eventSource(EventSourceContext<LanguageAgent> context) {
        context.getPrimaryCache()
                .addIndexer(
                        INDEX, agent -> id(agent).map(CodeRefs::key).stream().toList());
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(ConfigMap.class, LanguageAgent.class)
                        .withName(EVENT_SOURCE)
                        .withSecondaryToPrimaryMapper(configMap ->
                                context
                                        .getPrimaryCache()
                                        .byIndex(INDEX, key(ResourceID.fromResource(configMap)))
                                        .stream()
                                        .map(ResourceID::fromResource)
                                        .collect(Collectors.toSet()))
                        .withPrimaryToSecondaryMapper(
                                agent -> id((LanguageAgent) agent).map(Set::of).orElse(Set.of()))
                        .build(),
                context);
    }

    /** The ConfigMap the reconciled agent's {@code codeRef} names, if it exists. */
    static Optional<ConfigMap> referenced(Context<LanguageAgent> context) {
        return context.getSecondaryResource(ConfigMap.class, EVENT_SOURCE);
    }
}
