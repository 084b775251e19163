package io.langop.operator.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The agents, models, tools, personas and clients that name a LanguageCluster in
 * {@code spec.clusterRef}: watched so the cluster's counts follow them without polling.
 */
final class ClusterMembers {

    record Kind<T extends HasMetadata>(Class<T> type, Function<T, String> clusterRef) {

        long count(Context<LanguageCluster> context, LanguageCluster cluster) {
            return list(context, cluster).count();
        }

        Stream<T> list(Context<LanguageCluster> context, LanguageCluster cluster) {
            @SuppressWarnings("unchecked")
            var informer = (InformerEventSource<T, LanguageCluster>)
                    context.eventSourceRetriever().getEventSourceFor(type);
            String name = cluster.getMetadata().getName();
            return informer.list(cluster.getMetadata().getNamespace(), member -> name.equals(clusterRef.apply(member)));
        }

        EventSource<T, LanguageCluster> eventSource(EventSourceContext<LanguageCluster> context) {
            return new InformerEventSource<>(
                    InformerEventSourceConfiguration.from(type, LanguageCluster.class)
                            .withSecondaryToPrimaryMapper(member -> {
                                String ref = clusterRef.apply(member);
                                return ref == null
                                        ? Set.of()
                                        : Set.of(new ResourceID(
                                                ref, member.getMetadata().getNamespace()));
                            })
                            .build(),
                    context);
        }
    }

    static final Kind<LanguageAgent> AGENTS = new Kind<>(
            LanguageAgent.class, a -> a.getSpec() == null ? null : a.getSpec().getClusterRef());
    static final Kind<LanguageModel> MODELS = new Kind<>(
            LanguageModel.class, m -> m.getSpec() == null ? null : m.getSpec().getClusterRef());
    static final Kind<LanguageTool> TOOLS = new Kind<>(
            LanguageTool.class, t -> t.getSpec() == null ? null : t.getSpec().getClusterRef());
    static final Kind<LanguagePersona> PERSONAS = new Kind<>(
            LanguagePersona.class, p -> p.getSpec() == null ? null : p.getSpec().getClusterRef());
    static final Kind<LanguageClient> CLIENTS = new Kind<>(
            LanguageClient.class, c -> c.getSpec() == null ? null : c.getSpec().getClusterRef());

    static final List<Kind<?>> ALL = List.of(AGENTS, MODELS, TOOLS, PERSONAS, CLIENTS);

    private ClusterMembers() {}

    static List<EventSource<?, LanguageCluster>> eventSources(EventSourceContext<LanguageCluster> context) {
        return ALL.stream()
                .<EventSource<?, LanguageCluster>>map(kind -> kind.eventSource(context))
                .toList();
    }
}
