package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Referenced custom resources looked up in the reconciler's informer caches, never by a GET. */
public final class References {

    private References() {}

    /**
     * The resources of {@code kind} named by {@code ids} that exist, in the order of {@code ids}; for each one
     * that does not, a line such as {@code LanguageModel team/gpt not found} is added to {@code missing}.
     */
    public static <R extends HasMetadata> List<R> lookUp(
            Class<R> kind, List<ResourceID> ids, Context<?> context, List<String> missing) {
        Map<ResourceID, R> existing = context.getSecondaryResources(kind).stream()
                .collect(Collectors.toMap(ResourceID::fromResource, r -> r, (a, b) -> a));
        List<R> found = new ArrayList<>();
        for (ResourceID id : ids) {
            R resource = existing.get(id);
            if (resource == null) {
                missing.add(HasMetadata.getKind(kind) + " " + describe(id) + " not found");
            } else if (resource instanceof CustomResource<?, ?> custom && custom.getSpec() == null) {
                // read without its spec (UnreadableSpecs): there is nothing of it to use
                missing.add(HasMetadata.getKind(kind) + " " + describe(id) + " has a spec this operator cannot read"
                        + " (its status says why)");
            } else {
                found.add(resource);
            }
        }
        return found;
    }

    /** {@code namespace/name}, or the name alone for a cluster-scoped resource. */
    public static String describe(ResourceID id) {
        return id.getNamespace().map(ns -> ns + "/").orElse("") + id.getName();
    }
}
