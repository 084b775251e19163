package io.langop.operator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.ResourceStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes a status only when it differs from the one stored, so an idle operator makes no write
 * requests. Only the status subresource is ever written: the spec the user applied is never sent
 * back (a re-serialised spec would lose explicit {@code false} values to API-server defaults).
 *
 * <p>The write is one JSON patch operation, {@code add /status} with the whole new status, which
 * applies to whatever is stored. The framework's JSON patch was a diff against the informer's copy,
 * naming array indexes and members that must exist on the server: when that copy lagged one write
 * behind, the patch could not be applied (a real API server answers 422 and the reconcile is retried;
 * the fabric8 mock server throws and never answers, so the request waited for the client's timeouts,
 * over two minutes). A JSON merge patch would apply too, but merges lists on the mock server instead of
 * replacing them. The operator is the status's only writer, so no optimistic lock is needed.
 */
public final class StatusUpdates {

    private StatusUpdates() {}

    /**
     * Puts {@code next} on {@code resource} and writes it, or does nothing when {@code next} says what the
     * stored status already says ({@code lastUpdateTime} aside). The written resource goes into the
     * controller's cache, so the next reconcile sees the new status even before the watch event arrives.
     */
    public static <S extends ResourceStatus, R extends CustomResource<?, S>> UpdateControl<R> patchIfChanged(
            R resource, S next, Context<R> context) {
        next.setObservedGeneration(resource.getMetadata().getGeneration());
        writeIfChanged(resource, next, context);
        return UpdateControl.noUpdate();
    }

    /**
     * {@link #patchIfChanged} for a status that does not describe the current generation: its {@code
     * observedGeneration} is written as the caller set it (see {@link ReconcileErrors}).
     */
    static <S extends ResourceStatus, R extends CustomResource<?, S>> void writeIfChanged(
            R resource, S next, Context<R> context) {
        S current = resource.getStatus();
        if (current != null) {
            next.setLastUpdateTime(current.getLastUpdateTime());
            if (tree(current).equals(tree(next))) {
                return;
            }
        }
        next.setLastUpdateTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        R updated = write(context.getClient(), resource, next);
        context.eventSourceRetriever()
                .getControllerEventSource()
                .handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, resource);
        resource.setStatus(next);
    }

    /** Replaces the stored status of {@code resource} with {@code status}, whatever is stored now. */
    static <S, R extends CustomResource<?, S>> R write(KubernetesClient client, R resource, S status) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "add").put("path", "/status").set("value", tree(status));
        return client.resource(resource).subresource("status").patch(PatchContext.of(PatchType.JSON), patch.toString());
    }

    private static JsonNode tree(Object status) {
        return KubeJson.mapper().valueToTree(status);
    }
}
