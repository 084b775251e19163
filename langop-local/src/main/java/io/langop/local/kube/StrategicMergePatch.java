package io.langop.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch, which {@code kubectl apply} and {@code kubectl edit} send for built-in kinds
 * and the in-memory store does not understand: maps merge, {@code null} deletes, and the lists the API marks with a
 * merge key (containers and volumes by name, volume mounts by path, container ports by number, ...) merge element by
 * element, honouring the {@code $patch}, {@code $setElementOrder}, {@code $retainKeys} and
 * {@code $deleteFromPrimitiveList} directives. Other lists are replaced, as the API does for lists without a patch
 * strategy. The merge keys are those of the kinds {@code langop local} serves, not of every Kubernetes type.
 */
final class StrategicMergePatch {

    private static final String PATCH = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String ORDER = "$setElementOrder/";
    private static final String DELETE_FROM = "$deleteFromPrimitiveList/";

    /** Lists merged element by element, by this key of each element. */
    private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
            Map.entry("containers", "name"),
            Map.entry("initContainers", "name"),
            Map.entry("ephemeralContainers", "name"),
            Map.entry("env", "name"),
            Map.entry("volumes", "name"),
            Map.entry("volumeMounts", "mountPath"),
            Map.entry("volumeDevices", "devicePath"),
            Map.entry("imagePullSecrets", "name"),
            Map.entry("hostAliases", "ip"),
            Map.entry("conditions", "type"),
            Map.entry("ownerReferences", "uid"),
            Map.entry("topologySpreadConstraints", "topologyKey"),
            Map.entry("readinessGates", "conditionType"),
            Map.entry("resourceClaims", "name"));

    /** Lists of values merged as sets. */
    private static final Set<String> MERGED_VALUE_LISTS = Set.of("finalizers");

    private StrategicMergePatch() {}

    /** {@code original} with {@code patch} applied; neither is changed. */
    static JsonNode apply(JsonNode original, JsonNode patch) {
        if (!patch.isObject()) {
            throw new IllegalArgumentException("a strategic merge patch must be a JSON object");
        }
        return merge(
                original.isObject() ? (ObjectNode) original.deepCopy() : emptyObject(), (ObjectNode) patch, List.of());
    }

    private static ObjectNode merge(ObjectNode target, ObjectNode patch, List<String> path) {
        if ("replace".equals(patch.path(PATCH).asText())) {
            return withoutDirectives(patch);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = patch.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                continue;
            }
            List<String> here = append(path, name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && "delete".equals(value.path(PATCH).asText())) {
                target.remove(name);
            } else if (value.isObject()) {
                JsonNode current = target.path(name);
                target.set(
                        name,
                        merge(current.isObject() ? (ObjectNode) current : emptyObject(), (ObjectNode) value, here));
            } else if (value.isArray()) {
                target.set(name, mergeList(name, here, target.path(name), (ArrayNode) value));
            } else {
                target.set(name, value.deepCopy());
            }
        }
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getKey().startsWith(DELETE_FROM)) {
                String list = field.getKey().substring(DELETE_FROM.length());
                ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                for (JsonNode item : target.path(list)) {
                    if (!contains((ArrayNode) field.getValue(), item)) {
                        kept.add(item);
                    }
                }
                target.set(list, kept);
            } else if (field.getKey().startsWith(ORDER)) {
                String list = field.getKey().substring(ORDER.length());
                if (target.path(list).isArray()) {
                    target.set(list, ordered((ArrayNode) target.path(list), (ArrayNode) field.getValue(), list, path));
                }
            }
        }
        if (patch.path(RETAIN_KEYS).isArray()) {
            List<String> retained = new ArrayList<>();
            patch.path(RETAIN_KEYS).forEach(key -> retained.add(key.asText()));
            target.retain(retained);
        }
        return target;
    }

    private static JsonNode mergeList(String name, List<String> path, JsonNode current, ArrayNode patch) {
        Optional<String> mergeKey = mergeKey(name, path, current, patch);
        if (MERGED_VALUE_LISTS.contains(name)) {
            ArrayNode union =
                    current.isArray() ? ((ArrayNode) current).deepCopy() : JsonNodeFactory.instance.arrayNode();
            patch.forEach(item -> {
                if (!contains(union, item)) {
                    union.add(item);
                }
            });
            return union;
        }
        if (mergeKey.isEmpty() || !current.isArray()) {
            ArrayNode replaced = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : patch) {
                if (!(item.isObject() && "delete".equals(item.path(PATCH).asText()))) {
                    replaced.add(item.isObject() ? withoutDirectives((ObjectNode) item) : item);
                }
            }
            return replaced;
        }
        String key = mergeKey.get();
        ArrayNode merged = ((ArrayNode) current).deepCopy();
        for (JsonNode item : patch) {
            if (!item.isObject()) {
                continue;
            }
            if ("replace".equals(item.path(PATCH).asText()) && !item.has(key)) {
                return withoutDirectives(patch);
            }
            int at = indexOf(merged, key, item.path(key));
            if ("delete".equals(item.path(PATCH).asText())) {
                if (at >= 0) {
                    merged.remove(at);
                }
            } else if (at >= 0) {
                merged.set(at, merge((ObjectNode) merged.get(at), (ObjectNode) item, path));
            } else {
                merged.add(merge(emptyObject(), (ObjectNode) item, path));
            }
        }
        return merged;
    }

    /**
     * The merge key of a list, if the API merges it: by field name, except {@code ports}, which container specs
     * merge by {@code containerPort} and a Service's spec by {@code port}; every other {@code ports} is replaced.
     */
    private static Optional<String> mergeKey(String name, List<String> path, JsonNode current, ArrayNode patch) {
        if (name.equals("ports")) {
            if (anyHas(patch, "containerPort") || anyHas(current, "containerPort")) {
                return Optional.of("containerPort");
            }
            return path.equals(List.of("spec", "ports")) ? Optional.of("port") : Optional.empty();
        }
        return Optional.ofNullable(MERGE_KEYS.get(name));
    }

    private static ArrayNode ordered(ArrayNode items, ArrayNode order, String name, List<String> path) {
        Optional<String> key = mergeKey(name, append(path, name), items, order);
        ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
        for (JsonNode wanted : order) {
            for (JsonNode item : items) {
                boolean same =
                        key.isPresent() ? item.path(key.get()).equals(wanted.path(key.get())) : item.equals(wanted);
                if (same && !contains(sorted, item)) {
                    sorted.add(item);
                }
            }
        }
        items.forEach(item -> {
            if (!contains(sorted, item)) {
                sorted.add(item);
            }
        });
        return sorted;
    }

    private static ObjectNode withoutDirectives(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        List<String> directives = new ArrayList<>();
        copy.fieldNames().forEachRemaining(field -> {
            if (field.startsWith("$")) {
                directives.add(field);
            }
        });
        copy.remove(directives);
        return copy;
    }

    private static ArrayNode withoutDirectives(ArrayNode list) {
        ArrayNode copy = JsonNodeFactory.instance.arrayNode();
        list.forEach(item -> copy.add(item.isObject() ? withoutDirectives((ObjectNode) item) : item));
        return copy;
    }

    private static int indexOf(ArrayNode items, String key, JsonNode value) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path(key).equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean anyHas(JsonNode items, String field) {
        for (JsonNode item : items) {
            if (item.has(field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(ArrayNode items, JsonNode wanted) {
        for (JsonNode item : items) {
            if (item.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path);
        longer.add(name);
        return List.copyOf(longer);
    }

    private static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
