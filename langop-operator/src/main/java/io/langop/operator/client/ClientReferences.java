package io.langop.operator.client;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.AgentReference;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.References;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The models, tools, agents, persona and cluster a client names. Each kind is watched; an event reconciles
 * the clients that name the changed object (clients are few, so they are simply scanned), so a
 * client waiting for a model proceeds the moment it appears and follows an agent's port or mode.
 */
final class ClientReferences {

    private ClientReferences() {}

    /** The referenced objects that exist, in spec order, and a description of each one that does not. */
    record Resolution(
            List<LanguageModel> models,
            List<LanguageTool> tools,
            List<LanguageAgent> agents,
            LanguagePersona persona,
            List<String> missing) {

        boolean complete() {
            return missing.isEmpty();
        }
    }

    static List<ResourceID> modelIds(LanguageClient client) {
        return ids(
                client,
                Objects.requireNonNullElse(client.getSpec().getModelRefs(), List.<ModelReference>of()).stream()
                        .map(ref -> new Ref(ref.getName(), ref.getNamespace()))
                        .toList());
    }

    /** References with {@code enabled: false} are kept in the spec but not offered. */
    static List<ResourceID> toolIds(LanguageClient client) {
        return ids(
                client,
                Objects.requireNonNullElse(client.getSpec().getToolRefs(), List.<ToolReference>of()).stream()
                        .filter(ref -> !Boolean.FALSE.equals(ref.getEnabled()))
                        .map(ref -> new Ref(ref.getName(), ref.getNamespace()))
                        .toList());
    }

    static List<ResourceID> agentIds(LanguageClient client) {
        return ids(
                client,
                Objects.requireNonNullElse(client.getSpec().getAgentRefs(), List.<AgentReference>of()).stream()
                        .filter(ref -> !Boolean.FALSE.equals(ref.getEnabled()))
                        .map(ref -> new Ref(ref.getName(), ref.getNamespace()))
                        .toList());
    }

    static List<ResourceID> clusterIds(LanguageClient client) {
        String ref = client.getSpec().getClusterRef();
        return ref == null || ref.isBlank()
                ? List.of()
                : List.of(new ResourceID(ref, client.getMetadata().getNamespace()));
    }

    static List<ResourceID> personaIds(LanguageClient client) {
        var ref = client.getSpec().getPersonaRef();
        return ref == null ? List.of() : ids(client, List.of(new Ref(ref.getName(), ref.getNamespace())));
    }

    private record Ref(String name, String namespace) {}

    private static List<ResourceID> ids(LanguageClient client, List<Ref> refs) {
        String ns = client.getMetadata().getNamespace();
        return refs.stream()
                .map(ref -> new ResourceID(ref.name(), Objects.requireNonNullElse(ref.namespace(), ns)))
                .toList();
    }

    static List<EventSource<?, LanguageClient>> eventSources(EventSourceContext<LanguageClient> context) {
        return List.of(
                eventSource(LanguageModel.class, context, ClientReferences::modelIds),
                eventSource(LanguageTool.class, context, ClientReferences::toolIds),
                eventSource(LanguageAgent.class, context, ClientReferences::agentIds),
                eventSource(LanguagePersona.class, context, ClientReferences::personaIds),
                eventSource(LanguageCluster.class, context, ClientReferences::clusterIds));
    }

    private static <R extends HasMetadata> EventSource<R, LanguageClient> eventSource(
            Class<R> kind,
            EventSourceContext<LanguageClient> context,
            Function<LanguageClient, List<ResourceID>> refs) {
        Function<LanguageClient, Set<ResourceID>> named =
                client -> client.getSpec() == null ? Set.of() : Set.copyOf(refs.apply(client));
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(kind, LanguageClient.class)
                        .withSecondaryToPrimaryMapper(referenced -> {
                            ResourceID id = ResourceID.fromResource(referenced);
                            return context.getPrimaryCache()
                                    .list()
                                    .filter(client -> named.apply(client).contains(id))
                                    .map(ResourceID::fromResource)
                                    .collect(Collectors.toSet());
                        })
                        .withPrimaryToSecondaryMapper(named::apply)
                        .build(),
                context);
    }

    static Resolution resolve(LanguageClient client, Context<LanguageClient> context) {
        List<String> missing = new ArrayList<>();
        List<LanguageModel> models = References.lookUp(LanguageModel.class, modelIds(client), context, missing);
        List<LanguageTool> tools = References.lookUp(LanguageTool.class, toolIds(client), context, missing);
        List<LanguageAgent> agents = References.lookUp(LanguageAgent.class, agentIds(client), context, missing);
        List<LanguagePersona> personas = References.lookUp(LanguagePersona.class, personaIds(client), context, missing);
        References.lookUp(LanguageCluster.class, clusterIds(client), context, missing);
        return new Resolution(models, tools, agents, personas.isEmpty() ? null : personas.getFirst(), missing);
    }
}
