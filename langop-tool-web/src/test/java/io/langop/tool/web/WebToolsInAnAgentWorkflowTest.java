package io.langop.tool.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.kit.tool.ToolServer;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.AgentRunner;
import io.langop.sdk.agent.Output;
import io.langop.sdk.agent.RunOutcome;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.retry.Backoff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's workflow against the real web tool server, through the SDK's MCP client as an agent pod runs
 * it: placeholders read fields of the tools' structured content, while the model reads their text.
 */
class WebToolsInAnAgentWorkflowTest {

    private static final Backoff FAST = new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T06:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path workspace;

    private FixtureWebsite site;
    private WebTools webTools;
    private ToolServer server;
    private McpTools tools;
    private ScriptedOpenAiServer llm;

    @BeforeEach
    void start() throws Exception {
        site = new FixtureWebsite();
        webTools = new WebTools(WebSettings.fromEnv(
                Map.of("WEB_ALLOWED_NETWORKS", "127.0.0.0/8", "WEB_SEARCH_URL", site.url("/local-search/"))));
        server = ToolServer.builder("langop-tool-web")
                .port(0)
                .tools(webTools.all())
                .start();
        tools = McpTools.connect(List.of(server.mcpUri()), FAST, Duration.ofSeconds(10));
        llm = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stop() {
        llm.close();
        tools.close();
        server.close();
        webTools.close();
        site.close();
    }

    @Test
    void placeholdersReadStructuredFieldsOfRealToolAnswers() throws Exception {
        llm.thenToolCall("web_status", "{\"url\":\"" + site.url("/article") + "\"}")
                .thenText("One CVE roundup, page is up.", 30, 8);
        var agent = AgentDefinition.builder("cve-digest")
                .objective("Summarize this week's Kubernetes CVEs")
                .workflow(w -> w.step("search", s -> s.tool("web_search").param("query", "kubernetes CVE {date}"))
                        .step(
                                "page",
                                s -> s.tool("web_fetch")
                                        .param("url", "{search.results.0.url}")
                                        .param("max_length", 24)
                                        .dependsOn("search"))
                        .step(
                                "summarize",
                                s -> s.prompt("Summarize {page.text} ({page.status} from {page.url}). "
                                                + "Hits: {search.results}")
                                        .dependsOn("page", "search")))
                .output(Output.workspace("digests/{date}.md"))
                .build();
        var model = LlmClient.openAiCompatible(llm.baseUrl(), "sk-test", "test-model", Duration.ofSeconds(10), FAST);

        RunOutcome outcome = new AgentRunner(agent, model, tools, workspace, CLOCK).run();

        assertThat(outcome).isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(site.requests)
                .anyMatch(request -> request.startsWith("GET /local-search/?q=kubernetes+CVE+2026-11-26 "))
                .anyMatch(request -> request.startsWith("GET /article "));
        String article = site.url("/article");
        assertThat(llm.messagesOf(0))
                .contains("user: Summarize # Kubernetes CVE roundup (200 from " + article + "). Hits: "
                        + "[{\"title\":\"Kubernetes CVE roundup\",\"url\":\"" + article + "\","
                        + "\"snippet\":\"Three vulnerabilities were fixed this week\"}]");
        // The model's own tool call gets the text written for models, not the JSON.
        assertThat(llm.messagesOf(1)).anyMatch(message -> message.contains("Status for " + article + ": 200 OK"));
        assertThat(Files.readString(workspace.resolve("digests/2026-11-26.md")))
                .isEqualTo("One CVE roundup, page is up.");
    }
}
