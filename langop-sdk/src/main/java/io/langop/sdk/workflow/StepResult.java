package io.langop.sdk.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What one step produced, in two forms: its {@code value} as JSON, whose fields placeholders and
 * {@link StepResults#field} address ({@code {search.results.0.url}}), and its {@code text}, which a
 * whole-step placeholder ({@code {search}}) and {@link StepResults#text} give. For most steps the text
 * is the value rendered; a tool with structured content answers both itself: the data as the value,
 * and the text it wrote for models as the text.
 */
public record StepResult(JsonNode value, String text) {

    public StepResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    /** A value whose text is its rendering (strings as they are, anything else as compact JSON). */
    public static StepResult of(JsonNode value) {
        return new StepResult(value, StepResults.render(value));
    }

    /** A text answer; its value is the parsed JSON when the text is a JSON object or array. */
    public static StepResult ofText(String text) {
        return new StepResult(StepResults.parseOrText(text), text);
    }
}
