package io.langop.api.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields the schema does not declare. The API server drops them silently (pruning) unless the client asks for strict
 * field validation, as kubectl does, and then refuses the object: either way a misspelt field never reaches a
 * controller.
 */
final class UnknownFields {

    /** Every object carries these, whatever its schema says. */
    private static final Set<String> OBJECT_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private UnknownFields() {}

    /** JSON pointers of every undeclared field, in document order. */
    static List<String> in(JsonNode schema, JsonNode object) {
        List<String> found = new ArrayList<>();
        walk(schema, object, "", true, found, false);
        return found;
    }

    /** A copy of {@code object} without its undeclared fields. */
    static JsonNode pruned(JsonNode schema, JsonNode object) {
        JsonNode copy = object.deepCopy();
        walk(schema, copy, "", true, new ArrayList<>(), true);
        return copy;
    }

    private static void walk(
            JsonNode schema, JsonNode value, String pointer, boolean root, List<String> found, boolean remove) {
        if (schema == null
                || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            return;
        }
        if (value instanceof ObjectNode object) {
            JsonNode declared = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (String name : List.copyOf(
                    object.properties().stream().map(Map.Entry::getKey).toList())) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (root && OBJECT_FIELDS.contains(name)) {
                    continue;
                }
                if (declared.has(name)) {
                    walk(declared.get(name), object.get(name), child, false, found, remove);
                } else if (additional != null && additional.isObject()) {
                    walk(additional, object.get(name), child, false, found, remove);
                } else if (additional == null ? declared.isObject() : !additional.asBoolean(true)) {
                    // an object schema without properties is left open, as the CRD generator means it
                    found.add(child);
                    if (remove) {
                        object.remove(name);
                    }
                }
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                walk(schema.get("items"), array.get(i), pointer + "/" + i, false, found, remove);
            }
        }
    }
}
