package io.langop.sdk.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results visible to a step: one {@link StepResult} per finished step. {@link #json} and
 * {@link #field} read a step's value, addressable by field path ({@code "items.0.title"}): a tool's
 * structured content, a JSON answer parsed, else the text as a JSON string. {@link #text} is the step's
 * text: what a model was given to read for a tool, the answer for a prompt.
 */
public final class StepResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, StepResult> byStep;

    private StepResults(Map<String, StepResult> byStep) {
        this.byStep = Map.copyOf(byStep);
    }

    public static StepResults empty() {
        return new StepResults(Map.of());
    }

    public static StepResults of(Map<String, StepResult> byStep) {
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
    public StepResult result(String step) {
        StepResult result = byStep.get(step);
        if (result == null) {
            throw new IllegalArgumentException("no result for step '" + step + "' (known: " + byStep.keySet() + ")");
        }
        return result;
    }

    /** The step's value as JSON (a tool's structured content where it has one). */
    public JsonNode json(String step) {
        return result(step).value();
    }

    /** The step's text, as {@code {step}} gives it. */
    public String text(String step) {
        return result(step).text();
    }

    /**
     * The payload of the event that started the run (a webhook's body: JSON as JSON, anything else as a
     * JSON string), as {@code {event}} gives it; a missing node ({@code isMissingNode()}, every {@code path(...)}
     * of it missing too) in runs no event started.
     */
    public JsonNode event() {
        StepResult event = byStep.get(Placeholders.EVENT);
        return event == null ? MissingNode.getInstance() : event.value();
    }

    /** A field of the event's payload at a dot-separated path, as {@code {event.a.b}} gives it, if present. */
    public Optional<JsonNode> event(String path) {
        return at(event(), path);
    }

    /** The value at a dot-separated path (numeric segments index arrays), if present. */
    public Optional<JsonNode> field(String step, String path) {
        return at(json(step), path);
    }

    private static Optional<JsonNode> at(JsonNode value, String path) {
        JsonNode node = value;
        for (String segment : path.split("\\.", -1)) {
            node = node.isArray() && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)
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
