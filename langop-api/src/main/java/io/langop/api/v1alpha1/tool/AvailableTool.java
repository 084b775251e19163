package io.langop.api.v1alpha1.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/**
 * One tool of a tool server as the server lists it (MCP {@code tools/list}): what agent code may call,
 * with which parameters, and what it answers. Field names are MCP's, so a listing reads the same here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AvailableTool {

    @JsonPropertyDescription("Tool name, as agent code calls it.")
    private String name;

    @JsonPropertyDescription("What the tool does, as its server describes it.")
    private String description;

    @PreserveUnknownFields
    @JsonPropertyDescription("JSON schema of the tool's parameters.")
    private JsonNode inputSchema;

    @PreserveUnknownFields
    @JsonPropertyDescription("JSON schema of the tool's structured answer, when the tool declares one.")
    private JsonNode outputSchema;

    public AvailableTool() {}

    public AvailableTool(String name, String description, JsonNode inputSchema, JsonNode outputSchema) {
        this.name = name;
        this.description = description;
        this.inputSchema = inputSchema;
        this.outputSchema = outputSchema;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public JsonNode getInputSchema() {
        return inputSchema;
    }

    public void setInputSchema(JsonNode inputSchema) {
        this.inputSchema = inputSchema;
    }

    public JsonNode getOutputSchema() {
        return outputSchema;
    }

    public void setOutputSchema(JsonNode outputSchema) {
        this.outputSchema = outputSchema;
    }
}
