package io.langop.operator.synthesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.kit.catalog.CatalogJson;
import io.langop.kit.catalog.CatalogTool;
import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.check.AgentSetting;
import io.langop.sdk.agent.ExecutionMode;
import java.util.List;
import java.util.Optional;

/** Synthesis requests and briefs as the operator builds them, for tests. */
final class Briefs {

    /** The worked example's tools, with the schemas of the real web and email servers' tools. */
    static final List<CatalogTool> WEB_AND_MAIL = catalog("""
            [{"name": "web_search", "description": "Search the web. Returns titles, links and snippets.",
              "inputSchema": {"type": "object", "required": ["query"], "properties": {
                "query": {"type": "string", "description": "What to search for"},
                "max_results": {"type": "integer", "description": "How many hits"}}},
              "outputSchema": {"type": "object", "properties": {"results": {"type": "array", "items": {
                "type": "object", "properties": {"title": {"type": "string"}, "url": {"type": "string"}}}}}}},
             {"name": "send_email", "description": "Send an e-mail.",
              "inputSchema": {"type": "object", "required": ["to", "subject", "body"], "properties": {
                "to": {"type": "string"}, "subject": {"type": "string"}, "body": {"type": "string"},
                "cc": {"type": "string"}}}}]
            """);

    private Briefs() {}

    static SynthesisRequest request(String name, String instructions, ToolCatalog tools, Optional<String> schedule) {
        return new SynthesisRequest(
                name,
                "team-a",
                instructions,
                List.of("gpt-4o"),
                new AgentSetting(
                        tools,
                        Optional.of(schedule.isPresent() ? ExecutionMode.SCHEDULED : ExecutionMode.AUTONOMOUS),
                        schedule),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    static AgentBrief brief(String name, String instructions, ToolCatalog tools, Optional<String> schedule) {
        return new AgentBrief(request(name, instructions, tools, schedule), "");
    }

    static List<CatalogTool> catalog(String json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            return CatalogJson.tools(root);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
