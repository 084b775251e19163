package io.langop.kit.tool;

/**
 * The body of a tool. It receives arguments that are already defaulted, coerced and validated
 * against the declaration. An exception it throws becomes an error result ({@code Error: <message>})
 * rather than a protocol failure, so return {@link ToolResult#failure} for expected failures and
 * let exceptions signal the unexpected ones.
 */
@FunctionalInterface
public interface ToolHandler {
    ToolResult handle(ToolArguments arguments) throws Exception;
}
