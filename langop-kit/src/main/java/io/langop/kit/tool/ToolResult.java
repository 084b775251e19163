package io.langop.kit.tool;

import java.util.Objects;

/**
 * What a tool call returns to the model: text, flagged as an error when the tool could not do what
 * was asked (MCP {@code isError}), so the model can tell a failure from an answer.
 */
public record ToolResult(String text, boolean error) {

    public ToolResult {
        Objects.requireNonNull(text, "text");
    }

    public static ToolResult success(String text) {
        return new ToolResult(text, false);
    }

    public static ToolResult failure(String text) {
        return new ToolResult(text, true);
    }
}
