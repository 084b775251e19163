package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.persona.PersonaPhase;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.References;
import io.langop.operator.usage.AgentModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The models, tools, persona and cluster an agent names. Each kind is watched by an informer whose
 * events are mapped back to the agents that reference the changed object through an index on the
 * agent cache: an agent waiting for a model is reconciled the moment the model appears, and an
 * agent is reconciled again when a tool's port or mode or a persona changes — without polling.
 */
final class AgentReferences {

    static final String INDEX = "langop-references";

    private AgentReferences() {}

    /** Every reference of an agent as {@code Kind/namespace/name}, the key of the index. */
    static List<String> keys(LanguageAgent agent) {
        LanguageAgentSpec spec = agent.getSpec();
        if (spec == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        modelIds(agent).forEach(id -> keys.add(key(LanguageModel.class, id)));
        toolIds(agent).forEach(id -> keys.add(key(LanguageTool.class, id)));
        personaId(agent).ifPresent(id -> keys.add(key(LanguagePersona.class, id)));
        clusterId(agent).ifPresent(id -> keys.add(key(LanguageCluster.class, id)));
        return keys;
    }

    static List<ResourceID> modelIds(LanguageAgent agent) {
        return AgentModels.of(agent);
    }

    /** Tools the agent is offered: references with {@code enabled: false} are kept but not wired. */
    static List<ResourceID> toolIds(LanguageAgent agent) {
        String ns = agent.getMetadata().getNamespace();
        return Objects.requireNonNullElse(agent.getSpec().getToolRefs(), List.<ToolReference>of()).stream()
                .filter(ref -> !Boolean.FALSE.equals(ref.getEnabled()))
                .map(ref -> new ResourceID(ref.getName(), Objects.requireNonNullElse(ref.getNamespace(), ns)))
                .toList();
    }

    static Optional<ResourceID> personaId(LanguageAgent agent) {
        var ref = agent.getSpec().getPersonaRef();
        return ref == null
                ? Optional.empty()
                : Optional.of(new ResourceID(
                        ref.getName(),
                        Objects.requireNonNullElse(
                                ref.getNamespace(), agent.getMetadata().getNamespace())));
    }

    static Optional<ResourceID> clusterId(LanguageAgent agent) {
        String ref = agent.getSpec().getClusterRef();
        return ref == null || ref.isBlank()
                ? Optional.empty()
                : Optional.of(new ResourceID(ref, agent.getMetadata().getNamespace()));
    }

    private static String key(Class<? extends HasMetadata> kind, ResourceID id) {
        return HasMetadata.getKind(kind) + "/" + id.getNamespace().orElse("") + "/" + id.getName();
    }

    static List<EventSource<?, LanguageAgent>> eventSources(EventSourceContext<LanguageAgent> context) {
        context.getPrimaryCache().addIndexer(INDEX, AgentReferences::keys);
        return List.of(
                eventSource(LanguageModel.class, context, a -> Set.copyOf(modelIds(a))),
                eventSource(LanguageTool.class, context, a -> Set.copyOf(toolIds(a))),
                eventSource(
                        LanguagePersona.class,
                        context,
                        a -> personaId(a).map(Set::of).orElse(Set.of())),
                eventSource(
                        LanguageCluster.class,
                        context,
                        a -> clusterId(a).map(Set::of).orElse(Set.of())));
    }

    private static <R extends HasMetadata> EventSource<R, LanguageAgent> eventSource(
            Class<R> kind, EventSourceContext<LanguageAgent> context, Function<LanguageAgent, Set<ResourceID>> refs) {
        PrimaryToSecondaryMapper<LanguageAgent> toReferenced =
                agent -> agent.getSpec() == null ? Set.of() : refs.apply(agent);
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(kind, LanguageAgent.class)
                        .withSecondaryToPrimaryMapper(referenced ->
                                context
                                        .getPrimaryCache()
                                        .byIndex(INDEX, key(kind, ResourceID.fromResource(referenced)))
                                        .stream()
                                        .map(ResourceID::fromResource)
                                        .collect(Collectors.toSet()))
                        .withPrimaryToSecondaryMapper(toReferenced)
                        .build(),
                context);
    }

    /** The referenced objects that exist, and a description of each one that does not (yet). */
    record Resolution(
            List<LanguageModel> models, List<LanguageTool> tools, LanguagePersona persona, List<String> missing) {

        boolean complete() {
            return missing.isEmpty();
        }
    }

    static Resolution resolve(LanguageAgent agent, Context<LanguageAgent> context) {
        List<String> missing = new ArrayList<>();
        List<LanguageModel> models = References.lookUp(LanguageModel.class, modelIds(agent), context, missing);
        List<LanguageTool> tools = References.lookUp(LanguageTool.class, toolIds(agent), context, missing);
        LanguagePersona persona = null;
        Optional<ResourceID> personaId = personaId(agent);
        if (personaId.isPresent()) {
            List<LanguagePersona> found =
                    References.lookUp(LanguagePersona.class, List.of(personaId.get()), context, missing);
            if (!found.isEmpty()) {
                persona = found.getFirst();
                if (persona.getStatus() == null || persona.getStatus().getPhase() != PersonaPhase.READY) {
                    missing.add("LanguagePersona " + References.describe(personaId.get()) + " is not Ready");
                    persona = null;
                }
            }
        }
        clusterId(agent).ifPresent(id -> References.lookUp(LanguageCluster.class, List.of(id), context, missing));
        return new Resolution(models, tools, persona, missing);
    }
}
