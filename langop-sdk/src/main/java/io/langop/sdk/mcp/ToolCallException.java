package io.langop.sdk.mcp;

/** A tool could not be called, or answered with {@code isError}; the message names the tool. */
public final class ToolCallException extends RuntimeException {

    public ToolCallException(String tool, String problem) {
        super("tool '" + tool + "' " + problem);
    }
}
