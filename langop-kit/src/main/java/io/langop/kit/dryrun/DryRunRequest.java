package io.langop.kit.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.kit.catalog.CatalogJson;
import io.langop.kit.catalog.CatalogTool;
import io.langop.kit.check.CheckResult;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the process that dry-runs an agent is given: the classes the code checker compiled from the
 * checked source (so that process loads exactly what was checked, and compiles nothing), the name of the
 * agent class, and the catalog of the tools the agent will have, whose schemas the stand-ins follow.
 */
public record DryRunRequest(String agentClassName, Map<String, byte[]> classes, List<CatalogTool> tools) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DryRunRequest {
        Objects.requireNonNull(agentClassName, "agentClassName");
        classes = Map.copyOf(classes);
        tools = List.copyOf(tools);
    }

    /** The request for code that passed every check. */
    public static DryRunRequest of(CheckResult checked, List<CatalogTool> tools) {
        if (!checked.passed()) {
            throw new IllegalArgumentException("only code that passed every check is dry-run");
        }
        return new DryRunRequest(checked.agentClassName().orElseThrow(), checked.classes(), tools);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode().put("agentClassName", agentClassName);
        ObjectNode encoded = node.putObject("classes");
        Base64.Encoder base64 = Base64.getEncoder();
        classes.forEach((name, bytes) -> encoded.put(name, base64.encodeToString(bytes)));
        node.set("tools", CatalogJson.toJson(tools));
        return node.toString();
    }

    /**
     * Reads a request written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when {@code json} is no request
     */
    public static DryRunRequest fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException notJson) {
            throw new IllegalArgumentException("not a dry run request: " + notJson.getMessage(), notJson);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Base64.Decoder base64 = Base64.getDecoder();
        node.path("classes")
                .properties()
                .forEach(entry -> classes.put(
                        entry.getKey(), base64.decode(entry.getValue().asText())));
        return new DryRunRequest(node.path("agentClassName").asText(), classes, CatalogJson.tools(node.path("tools")));
    }
}
