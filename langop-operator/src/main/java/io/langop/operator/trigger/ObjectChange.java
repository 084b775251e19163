package io.langop.operator.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.langop.api.v1alpha1.agent.ResourceChange;
import java.time.Instant;
import java.util.Locale;

/**
 * A change of a watched object. Its event's id is {@code <uid>/<resourceVersion>} ({@code <uid>/deleted} for the
 * deletion, whose object carries the version of its last change), so the same change seen again after a restart of
 * the operator runs once.
 *
 * @param object the object after the change (for a deletion, as last seen; after a restart only its name and uid)
 * @param previous the object before a modification, when this operator saw it; null otherwise
 */
record ObjectChange(
        String trigger, WatchedKind kind, ResourceChange change, HasMetadata object, HasMetadata previous, Instant time)
        implements Forwarded {

    private static final ObjectMapper JSON = new ObjectMapper();

    String uid() {
        return object.getMetadata().getUid();
    }

    String resourceVersion() {
        return object.getMetadata().getResourceVersion();
    }

    @Override
    public String key() {
        return trigger + "/" + uid();
    }

    /** An object added and then changed is still added; changed and then deleted, deleted; changed twice, changed. */
    @Override
    public Forwarded merge(Forwarded newer) {
        ObjectChange next = (ObjectChange) newer;
        if (next.change == ResourceChange.DELETED) {
            return next;
        }
        return new ObjectChange(
                trigger,
                kind,
                change == ResourceChange.ADDED ? ResourceChange.ADDED : ResourceChange.MODIFIED,
                next.object,
                change == ResourceChange.ADDED ? null : previous,
                next.time);
    }

    @Override
    public void delivered(DeliveredState state) {
        if (change == ResourceChange.DELETED) {
            state.gone(trigger, uid());
        } else {
            state.seen(
                    trigger, uid(), new DeliveredState.Seen(object.getMetadata().getName(), resourceVersion()));
        }
    }

    @Override
    public String id() {
        return uid() + "/" + (change == ResourceChange.DELETED ? "deleted" : resourceVersion());
    }

    @Override
    public String source(String namespace, String agent) {
        return kind.path(namespace, object.getMetadata().getName());
    }

    @Override
    public String type() {
        return kind.eventType(change);
    }

    @Override
    public String subject() {
        return object.getMetadata().getName();
    }

    /**
     * {@code {"change": "modified", "object": {...}, "previous": {...}}}, without the objects' managedFields; not
     * complete: without {@code previous} and without what the objects hold beyond their metadata, marked {@code
     * "truncated": true} (for an object too large to be delivered whole).
     */
    @Override
    public JsonNode data(boolean complete) {
        ObjectNode data = JSON.createObjectNode().put("change", change.name().toLowerCase(Locale.ROOT));
        data.set("object", tree(object, complete));
        if (previous != null && complete) {
            data.set("previous", tree(previous, true));
        }
        if (!complete) {
            data.put("truncated", true);
        }
        return data;
    }

    private static ObjectNode tree(HasMetadata object, boolean whole) {
        ObjectNode tree = JSON.valueToTree(object);
        if (tree.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        if (!whole) {
            tree.retain("apiVersion", "kind", "metadata");
        }
        return tree;
    }
}
