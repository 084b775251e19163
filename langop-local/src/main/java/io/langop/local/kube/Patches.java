package io.langop.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.Locale;
import java.util.Optional;

/**
 * The patch types of the Kubernetes API, applied here when the result must be seen before it is stored (admission of
 * custom resources): JSON patches (RFC 6902), JSON merge patches (RFC 7386) and strategic merge patches.
 */
final class Patches {

    static final String STRATEGIC_MERGE = "application/strategic-merge-patch+json";
    static final String MERGE = "application/merge-patch+json";
    static final String JSON_PATCH = "application/json-patch+json";

    private Patches() {}

    /** The patched object, or empty for a patch type this API server does not apply itself. */
    static Optional<JsonNode> apply(String contentType, JsonNode current, JsonNode patch) {
        String type = contentType.toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith(STRATEGIC_MERGE)) {
                return Optional.of(StrategicMergePatch.apply(current, patch));
            }
            if (type.startsWith(MERGE)) {
                return Optional.of(mergePatch(current, patch));
            }
            if (type.startsWith(JSON_PATCH)) {
                return Optional.of(JsonPatch.apply(patch, current));
            }
        } catch (JsonPatchException | UnsupportedOperationException failed) {
            throw new IllegalArgumentException("the JSON patch cannot be applied: " + failed.getMessage(), failed);
        }
        return Optional.empty();
    }

    /** RFC 7386: objects merge key by key, null removes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target instanceof ObjectNode object ? object.deepCopy() : ((ObjectNode) patch).objectNode();
        for (var entry : patch.properties()) {
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), mergePatch(result.path(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }
}
