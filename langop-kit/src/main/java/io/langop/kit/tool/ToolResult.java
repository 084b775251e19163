package io.langop.kit.tool;

import java.util.Objects;
import java.util.Optional;

/**
 * What a tool call returns: text for the model, flagged as an error when the tool could not do what
 * was asked (MCP {@code isError}), so the model can tell a failure from an answer; and, for a tool that
 * declares an {@link Shape output shape}, the same answer as data (MCP {@code structuredContent}), which
 * workflow placeholders such as {@code {search.results}} read.
 *
 * @param structuredContent the data of a successful answer: records, maps, lists, strings, numbers and
 *     booleans (anything Jackson maps to a JSON object without extra modules); null for none
 */
public record ToolResult(String text, boolean error, Object structuredContent) {

    public ToolResult {
        Objects.requireNonNull(text, "text");
        if (error && structuredContent != null) {
            throw new IllegalArgumentException("an error result carries text only");
        }
    }

    public static ToolResult success(String text) {
        return new ToolResult(text, false, null);
    }

    /** A successful answer as text for a model and as data of the tool's declared output shape. */
    public static ToolResult success(String text, Object structuredContent) {
        return new ToolResult(text, false, Objects.requireNonNull(structuredContent, "structuredContent"));
    }

    public static ToolResult failure(String text) {
        return new ToolResult(text, true, null);
    }

    public Optional<Object> structured() {
        return Optional.ofNullable(structuredContent);
    }
}
