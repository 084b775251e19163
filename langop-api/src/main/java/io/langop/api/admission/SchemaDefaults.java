package io.langop.api.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Structural-schema defaulting as the API server applies it on create and update: a field that is absent gets the
 * schema's default; a field that is present, even {@code false}, is kept.
 */
final class SchemaDefaults {

    private SchemaDefaults() {}

    /** A copy of {@code object} with the schema's defaults filled in. */
    static JsonNode applied(JsonNode schema, JsonNode object) {
        JsonNode copy = object.deepCopy();
        apply(schema, copy);
        return copy;
    }

    private static void apply(JsonNode schema, JsonNode value) {
        if (value instanceof ObjectNode object) {
            for (var property : schema.path("properties").properties()) {
                JsonNode propertySchema = property.getValue();
                if (!object.has(property.getKey()) && propertySchema.has("default")) {
                    object.set(property.getKey(), propertySchema.get("default").deepCopy());
                }
                if (object.has(property.getKey())) {
                    apply(propertySchema, object.get(property.getKey()));
                }
            }
            if (schema.path("additionalProperties").isObject()) {
                object.forEach(entry -> apply(schema.get("additionalProperties"), entry));
            }
        } else if (value instanceof ArrayNode array && schema.has("items")) {
            array.forEach(item -> apply(schema.get("items"), item));
        }
    }
}
