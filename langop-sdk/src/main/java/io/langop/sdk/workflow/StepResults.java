package io.langop.sdk.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results visible to a step: one JSON value per finished step, addressable by field path
 * ({@code "items.0.title"}). Text results are JSON strings; a tool answering JSON yields an object.
 */
public final class StepResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> byStep;

    private StepResults(Map<String, JsonNode> byStep) {
        this.byStep = Map.copyOf(byStep);
    }

    public static StepResults empty() {
        return new StepResults(Map.of());
    }

    public static StepResults of(Map<String, JsonNode> byStep) {
        return new StepResults(byStep);
    }

    /** Converts any value a custom step returns (String, Map, record, JsonNode, null) into JSON. */
    public static JsonNode toJson(Object value) {
        return switch (value) {
            case null -> JsonNodeFactory.instance.nullNode();
            case JsonNode node -> node;
            case CharSequence text -> TextNode.valueOf(text.toString());
            default -> JSON.valueToTree(value);
        };
    }

    /** Parses {@code text} as JSON when it is a JSON object or array, else keeps it as a string. */
    public static JsonNode parseOrText(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(trimmed);
            } catch (Exception notJson) {
                // plain text that happens to start with a bracket
            }
        }
        return TextNode.valueOf(text);
    }

    /** Renders a value for a prompt or a file: strings as-is, everything else as compact JSON. */
    public static String render(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.toString();
    }

    public boolean has(String step) {
        return byStep.containsKey(step);
    }

    public Set<String> steps() {
        return byStep.keySet();
    }

    /** The step's whole result; fails with a clear message when the step has no result. */
    public JsonNode json(String step) {
        JsonNode node = byStep.get(step);
        if (node == null) {
            throw new IllegalArgumentException("no result for step '" + step + "' (known: " + byStep.keySet() + ")");
        }
        return node;
    }

    public String text(String step) {
        return render(json(step));
    }

    /** The value at a dot-separated path (numeric segments index arrays), if present. */
    public Optional<JsonNode> field(String step, String path) {
        JsonNode node = json(step);
        for (String segment : path.split("\\.")) {
            node = node.isArray() && segment.chars().allMatch(Character::isDigit)
                    ? node.path(Integer.parseInt(segment))
                    : node.path(segment);
            if (node.isMissingNode()) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    @Override
    public String toString() {
        return byStep.toString();
    }
}
