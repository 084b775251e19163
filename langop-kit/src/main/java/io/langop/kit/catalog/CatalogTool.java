package io.langop.kit.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tool as its MCP server lists it: its name, description, the JSON schema of its parameters and, where
 * the tool declares one, the schema of its structured answer. What the synthesis prompt shows, what the
 * semantic check holds agent code against, and what {@code LanguageTool.status.availableTools} records.
 *
 * @param inputSchema an object schema; an empty object when the server gave none
 * @param outputSchema the schema of the tool's structured content, empty when the tool answers text only
 */
public record CatalogTool(String name, String description, JsonNode inputSchema, Optional<JsonNode> outputSchema) {

    /** One line of the prompt at most: a description is cut at its first sentence and at this length. */
    private static final int SUMMARY_LENGTH = 160;

    public CatalogTool {
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, "").strip();
        inputSchema = inputSchema == null || inputSchema.isNull() ? JsonNodeFactory.instance.objectNode() : inputSchema;
        outputSchema = Objects.requireNonNullElse(outputSchema, Optional.<JsonNode>empty())
                .filter(schema -> !schema.isNull() && !schema.isEmpty());
    }

    /** The parameters the input schema declares, required ones first as the schema orders them. */
    public List<ToolParameter> parameters() {
        Set<String> required = new HashSet<>();
        inputSchema.path("required").forEach(name -> required.add(name.asText()));
        List<ToolParameter> parameters = new ArrayList<>();
        inputSchema
                .path("properties")
                .properties()
                .forEach(property -> parameters.add(new ToolParameter(
                        property.getKey(),
                        JsonTypes.of(property.getValue()),
                        required.contains(property.getKey()),
                        property.getValue().path("description").asText(""))));
        parameters.sort((a, b) -> Boolean.compare(b.required(), a.required()));
        return parameters;
    }

    public Optional<ToolParameter> parameter(String name) {
        return parameters().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Whether the schema lets a caller pass parameters it does not declare. */
    public boolean acceptsOtherParameters() {
        JsonNode additional = inputSchema.path("additionalProperties");
        return !inputSchema.has("properties") || additional.isObject() || additional.asBoolean(false);
    }

    /** {@code web_search(query, max_results?)}: how a diagnostic names the choices. */
    public String signature() {
        return name + parameters().stream().map(ToolParameter::marked).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code web_search(query: string, max_results?: integer)}: how the prompt shows the tool. */
    public String typedSignature() {
        return name + parameters().stream().map(ToolParameter::typed).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The description's first sentence, on one line and at most {@value #SUMMARY_LENGTH} characters. */
    public String summary() {
        String line = description.replaceAll("\\s+", " ").strip();
        int sentenceEnd = line.indexOf(". ");
        if (sentenceEnd > 0) {
            line = line.substring(0, sentenceEnd + 1);
        }
        return line.length() <= SUMMARY_LENGTH ? line : line.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    /**
     * The fields of the structured answer, compactly: {@code {results: [{title, url, snippet}]}}, empty
     * when the tool declares no output schema.
     */
    public Optional<String> outputSummary() {
        return outputSchema.map(JsonTypes::outline);
    }
}
