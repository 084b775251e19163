package io.langop.kit.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading the parts of JSON schemas that tool catalogs use: types, object fields and array items. */
public final class JsonTypes {

    private JsonTypes() {}

    /** The schema's type; the first non-null one of a type list, {@code any} when it names none. */
    public static String of(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!"null".equals(option.asText())) {
                    return option.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "any";
    }

    /**
     * The schema a path of field names and array indexes leads to inside {@code schema}, or empty where
     * the schema declares no such field. A schema that does not say what it holds lets any path through.
     */
    public static Optional<JsonNode> at(JsonNode schema, List<String> path) {
        JsonNode current = schema;
        for (String segment : path) {
            String type = of(current);
            if (type.equals("array")) {
                if (!segment.chars().allMatch(Character::isDigit)) {
                    return Optional.empty();
                }
                current = current.path("items");
            } else if (type.equals("object") && current.has("properties")) {
                if (!current.path("properties").has(segment)) {
                    return Optional.empty();
                }
                current = current.path("properties").path(segment);
            } else if (!type.equals("any") && !type.equals("object")) {
                return Optional.empty(); // a string, number or boolean has no fields
            } else {
                return Optional.of(current); // undeclared content: nothing to check against
            }
        }
        return Optional.of(current);
    }

    /** The names of the fields an object schema declares, empty for other schemas. */
    public static List<String> fieldNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code {results: [{title, url}], total}}: the fields of a schema, nested, without types. */
    static String outline(JsonNode schema) {
        return switch (of(schema)) {
            case "object" -> {
                List<String> fields = new ArrayList<>();
                schema.path("properties").properties().forEach(field -> {
                    String inner = outline(field.getValue());
                    fields.add(inner.isEmpty() ? field.getKey() : field.getKey() + ": " + inner);
                });
                yield fields.isEmpty() ? "" : "{" + String.join(", ", fields) + "}";
            }
            case "array" -> {
                String items = outline(schema.path("items"));
                yield "[" + items + "]";
            }
            default -> "";
        };
    }
}
