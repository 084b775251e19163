package io.langop.operator.model;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.ModelFallback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The models a LanguageModel falls back to (same namespace). They are rendered into its proxy's
 * file, so a model is reconciled again when one of its fallbacks appears or changes.
 */
final class ModelFallbacks {

    static final String INDEX = "langop-fallbacks";
    static final String NAME = "fallbacks";

    private ModelFallbacks() {}

    static List<ResourceID> ids(LanguageModel model) {
        String ns = model.getMetadata().getNamespace();
        return Objects.requireNonNullElse(model.getSpec().getFallbacks(), List.<ModelFallback>of()).stream()
                .map(f -> new ResourceID(f.getModelRef(), ns))
                .distinct()
                .toList();
    }

    static EventSource<LanguageModel, LanguageModel> eventSource(EventSourceContext<LanguageModel> context) {
        context.getPrimaryCache()
                .addIndexer(
                        INDEX,
                        model -> model.getSpec() == null
                                ? List.of()
                                : ids(model).stream().map(ModelFallbacks::key).toList());
        return new InformerEventSource<>(
                InformerEventSourceConfiguration.from(LanguageModel.class, LanguageModel.class)
                        .withName(NAME)
                        .withSecondaryToPrimaryMapper(fallback ->
                                context
                                        .getPrimaryCache()
                                        .byIndex(INDEX, key(ResourceID.fromResource(fallback)))
                                        .stream()
                                        .map(ResourceID::fromResource)
                                        .collect(Collectors.toSet()))
                        .withPrimaryToSecondaryMapper(
                                (LanguageModel model) -> model.getSpec() == null ? Set.of() : Set.copyOf(ids(model)))
                        .build(),
                context);
    }

    private static String key(ResourceID id) {
        return id.getNamespace().orElse("") + "/" + id.getName();
    }

    /** The fallbacks that exist, in declared order, and the names of those that do not. */
    record Resolution(List<LanguageModel> found, List<String> missing) {}

    static Resolution resolve(LanguageModel model, Context<LanguageModel> context) {
        @SuppressWarnings("unchecked")
        var informer = (InformerEventSource<LanguageModel, LanguageModel>)
                context.eventSourceRetriever().getEventSourceFor(LanguageModel.class, NAME);
        Map<ResourceID, LanguageModel> existing = informer.getSecondaryResources(model).stream()
                .collect(Collectors.toMap(ResourceID::fromResource, m -> m, (a, b) -> a));
        List<LanguageModel> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ResourceID id : ids(model)) {
            if (id.equals(ResourceID.fromResource(model))) {
                missing.add(id.getName() + " (a model cannot fall back to itself)");
            } else if (existing.containsKey(id) && existing.get(id).getSpec() == null) {
                missing.add(id.getName() + " (its spec cannot be read by this operator)");
            } else if (existing.containsKey(id)) {
                found.add(existing.get(id));
            } else {
                missing.add(id.getName());
            }
        }
        return new Resolution(found, missing);
    }
}
