package io.langop.kit.catalog;

/**
 * One parameter of a tool, from its input schema.
 *
 * @param type the JSON schema type ({@code string}, {@code integer}, …), or {@code any} when the schema names none
 */
public record ToolParameter(String name, String type, boolean required, String description) {

    /** {@code query: string} or {@code max_results?: integer}, as the prompt and diagnostics list it. */
    public String typed() {
        return name + (required ? "" : "?") + ": " + type;
    }

    /** {@code query} or {@code max_results?}. */
    public String marked() {
        return name + (required ? "" : "?");
    }
}
