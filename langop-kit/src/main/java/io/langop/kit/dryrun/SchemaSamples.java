package io.langop.kit.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.kit.catalog.JsonTypes;

/**
 * Builds a value that a JSON schema accepts, with data that looks like what a tool would answer: every
 * declared field filled (not only the required ones, since code reads optional fields too), two elements
 * per list (so loops and "the first one" both meet data), URLs that are URLs and e-mail addresses that are
 * addresses. What a dry run's stand-in tools answer.
 */
final class SchemaSamples {

    /** Deep enough for any tool answer seen so far; a recursive schema stops here with an empty value. */
    private static final int MAX_DEPTH = 8;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaSamples() {}

    /** A value {@code schema} accepts; {@code name} is the field it is for, which the sample text mentions. */
    static JsonNode sample(JsonNode schema, String name) {
        return sample(schema, name, 1, 0);
    }

    private static JsonNode sample(JsonNode schema, String name, int index, int depth) {
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (String choice : new String[] {"anyOf", "oneOf", "allOf"}) {
            if (schema.path(choice).isArray() && !schema.path(choice).isEmpty()) {
                return sample(schema.path(choice).get(0), name, index, depth);
            }
        }
        return switch (JsonTypes.of(schema)) {
            case "object" -> object(schema, index, depth);
            case "array" -> array(schema, name, depth);
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(index));
            case "number" -> NODES.numberNode(schema.path("minimum").asDouble(index + 0.5));
            case "boolean" -> NODES.booleanNode(true);
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(text(schema, name, index));
        };
    }

    private static JsonNode object(JsonNode schema, int index, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        schema.path("properties")
                .properties()
                .forEach(field ->
                        object.set(field.getKey(), sample(field.getValue(), field.getKey(), index, depth + 1)));
        return object;
    }

    private static JsonNode array(JsonNode schema, String name, int depth) {
        ArrayNode array = NODES.arrayNode();
        if (depth >= MAX_DEPTH) {
            return array;
        }
        int size = Math.max(2, schema.path("minItems").asInt(0));
        JsonNode items = schema.path("items");
        for (int i = 1; i <= size; i++) {
            array.add(sample(items, singular(name), i, depth + 1));
        }
        return array;
    }

    private static String text(JsonNode schema, String name, int index) {
        String format = schema.path("format").asText("");
        String lowerName = name.toLowerCase(java.util.Locale.ROOT);
        if (format.equals("uri") || format.equals("url") || lowerName.endsWith("url") || lowerName.equals("link")) {
            return "https://example.com/" + (name.isEmpty() ? "page" : name) + "-" + index;
        }
        if (format.equals("email")
                || lowerName.contains("email")
                || lowerName.equals("from")
                || lowerName.equals("to")) {
            return "someone" + index + "@example.com";
        }
        if (format.equals("date-time")) {
            return "2026-01-0" + Math.min(index, 9) + "T09:00:00Z";
        }
        if (format.equals("date")) {
            return "2026-01-0" + Math.min(index, 9);
        }
        return (name.isEmpty() ? "text" : name) + " " + index;
    }

    /** {@code results} → {@code result}: the elements of a list are named after one of them. */
    private static String singular(String name) {
        return name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}
