package io.langop.sdk.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.protobuf.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON as CEL sees it (maps, lists, int64, double, string, bool, null), and CEL's results back as JSON. */
final class CelValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CelValues() {}

    static Object of(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), of(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(of(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNull() || node.isMissingNode()) {
            return NullValue.NULL_VALUE;
        }
        return node.asText();
    }

    static JsonNode json(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case NullValue ignored -> NODES.nullNode();
            case JsonNode node -> node;
            case Map<?, ?> map -> {
                var object = NODES.objectNode();
                map.forEach((key, item) -> object.set(String.valueOf(key), json(item)));
                yield object;
            }
            case List<?> list -> {
                var array = NODES.arrayNode();
                list.forEach(item -> array.add(json(item)));
                yield array;
            }
            case Long number -> NODES.numberNode(number);
            case Integer number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case Boolean bool -> NODES.booleanNode(bool);
            default -> NODES.textNode(value.toString());
        };
    }
}
