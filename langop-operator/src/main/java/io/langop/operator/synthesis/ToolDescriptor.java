package io.langop.operator.synthesis;

import java.util.Objects;

/**
 * A tool as the synthesis LLM sees it: read from the tool server's {@code tools/list} when it
 * answers, else from the LanguageTool spec.
 *
 * @param inputSchema the JSON schema of the tool's parameters, or empty when unknown
 */
public record ToolDescriptor(String name, String description, String inputSchema) {

    public ToolDescriptor {
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, "").strip();
        inputSchema = Objects.requireNonNullElse(inputSchema, "").strip();
    }

    /** One Markdown list line for the prompt; also what the tool-set hash is computed over. */
    public String promptLine() {
        StringBuilder line = new StringBuilder("- `").append(name).append('`');
        if (!description.isEmpty()) {
            line.append(": ").append(description);
        }
        if (!inputSchema.isEmpty()) {
            line.append(" Parameters (JSON schema): ").append(inputSchema);
        }
        return line.toString();
    }
}
