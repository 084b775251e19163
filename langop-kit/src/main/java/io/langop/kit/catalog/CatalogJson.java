package io.langop.kit.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tool catalogs as JSON, in the shapes people have at hand: a list of tools; an MCP {@code tools/list}
 * result ({@code {"tools": [...]}}); a LanguageTool ({@code kubectl get languagetool web -o json}, its
 * {@code status.availableTools}); a list of LanguageTools ({@code kubectl get languagetools -o json}).
 * A tool is an object with MCP's field names: {@code name}, {@code description}, {@code inputSchema},
 * {@code outputSchema}.
 */
public final class CatalogJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogJson() {}

    /**
     * Reads a catalog file: the tools of one or more tool servers.
     *
     * @throws IllegalArgumentException naming the file when it is not JSON or holds no catalog
     */
    public static List<CatalogTool> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(file + ": not a readable JSON file: " + unreadable.getMessage());
        }
        try {
            return tools(root);
        } catch (IllegalArgumentException wrongShape) {
            throw new IllegalArgumentException(file + ": " + wrongShape.getMessage());
        }
    }

    /** The tools of a catalog document in any of the accepted shapes. */
    public static List<CatalogTool> tools(JsonNode root) {
        if (root.isArray()) {
            return toolList(root);
        }
        if (root.path("tools").isArray()) {
            return toolList(root.path("tools"));
        }
        if (root.path("status").path("availableTools").isArray()) {
            return toolList(root.path("status").path("availableTools"));
        }
        if (root.path("items").isArray()) {
            List<CatalogTool> tools = new ArrayList<>();
            root.path("items").forEach(item -> tools.addAll(tools(item)));
            return tools;
        }
        throw new IllegalArgumentException("no tool catalog: expected a list of tools, an MCP tools/list result "
                + "({\"tools\": [...]}) or LanguageTools with status.availableTools");
    }

    /** The catalog as a JSON list of tools, the first shape {@link #tools} reads. */
    public static ArrayNode toJson(List<CatalogTool> tools) {
        ArrayNode list = JSON.createArrayNode();
        for (CatalogTool tool : tools) {
            var node = list.addObject().put("name", tool.name()).put("description", tool.description());
            node.set("inputSchema", tool.inputSchema());
            tool.outputSchema().ifPresent(schema -> node.set("outputSchema", schema));
        }
        return list;
    }

    private static List<CatalogTool> toolList(JsonNode list) {
        List<CatalogTool> tools = new ArrayList<>();
        for (JsonNode tool : list) {
            if (!tool.path("name").isTextual()) {
                throw new IllegalArgumentException("a tool without a name: " + tool);
            }
            tools.add(new CatalogTool(
                    tool.path("name").asText(),
                    tool.path("description").asText(""),
                    tool.get("inputSchema"),
                    Optional.ofNullable(tool.get("outputSchema"))));
        }
        return tools;
    }
}
