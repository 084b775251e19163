package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.langop.agent.runtime.AgentLoader;
import io.langop.agent.runtime.RuntimeChecker;
import io.langop.kit.catalog.CatalogJson;
import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.check.AgentSetting;
import io.langop.kit.check.CheckResult;
import io.langop.kit.tool.ToolServer;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.AgentRunner;
import io.langop.sdk.agent.Event;
import io.langop.sdk.agent.RunOutcome;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.retry.Backoff;
import io.langop.tool.email.EmailTools;
import io.langop.tool.email.connection.MailSettings;
import io.langop.tool.web.WebSettings;
import io.langop.tool.web.WebTools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java example of docs/agents.md, taken from the Markdown so that the docs cannot drift: compiled, checked
 * (safety policy, and the semantic check against the catalog the real web and email tool servers list) and run
 * once against those servers — the web tool reading a web site on loopback, the email tool sending to GreenMail —
 * with a scripted LLM. A {@code java} block is either a whole {@code Agent.java} or, as the docs say, the body of
 * {@code define()} with the imports the docs name; the {@code example.com} addresses the examples use are served
 * by the local site.
 */
class AgentsDocExamplesIT {

    /** What the docs say the snippets import. */
    static final String SNIPPET_IMPORTS = """
            import io.langop.sdk.agent.*;
            import io.langop.sdk.memory.*;
            import io.langop.sdk.workflow.*;
            import com.fasterxml.jackson.databind.JsonNode;
            import java.time.*;
            import java.util.*;
            """;

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
    private static final Pattern EXAMPLE_URL = Pattern.compile("https?://([a-z0-9.-]*example\\.com)");
    private static final Backoff FAST = new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    private static Site site;
    private static WebTools webTools;
    private static ToolServer webServer;
    private static ToolServer emailServer;
    private static McpTools tools;
    private static ToolCatalog catalog;
    private static ScriptedOpenAiServer llm;

    @TempDir
    static Path workspace;

    @BeforeAll
    static void startToolsAndModel() throws Exception {
        site = new Site();
        webTools = new WebTools(WebSettings.fromEnv(Map.of(
                "WEB_ALLOWED_NETWORKS", "127.0.0.0/8",
                "WEB_SEARCH_ENGINE", "searxng",
                "WEB_SEARCH_URL", site.url(""))));
        webServer = ToolServer.builder("langop-tool-web")
                .port(0)
                .tools(webTools.all())
                .start();
        EmailTools email = new EmailTools(
                new MailSettings(Map.of(
                        "SMTP_HOST", "127.0.0.1",
                        "SMTP_PORT", Integer.toString(mail.getSmtp().getPort()),
                        "SMTP_TLS", "false",
                        "SMTP_FROM", "agent@example.com")),
                Clock.systemUTC());
        emailServer = ToolServer.builder("langop-tool-email")
                .port(0)
                .tools(email.all())
                .start();
        List<URI> servers = List.of(webServer.mcpUri(), emailServer.mcpUri());
        tools = McpTools.connect(servers, FAST, Duration.ofSeconds(10));
        catalog = catalogOf(servers);
        llm = new ScriptedOpenAiServer()
                .otherwise(new ScriptedOpenAiServer.Text(
                        "CRITICAL: CVE-2026-1234 in the kubelet; release notes written.\nOBJECTIVES COMPLETE", 40, 12));
    }

    @AfterAll
    static void stop() {
        llm.close();
        tools.close();
        emailServer.close();
        webServer.close();
        webTools.close();
        site.close();
    }

    /** The catalog as the operator reads it: each server's tools/list, into status.availableTools' JSON. */
    private static ToolCatalog catalogOf(List<URI> servers) {
        var listed = JSON.createArrayNode();
        for (URI server : servers) {
            for (McpTools.ListedTool tool : McpTools.listTools(server, Duration.ofSeconds(10))) {
                ObjectNode node = listed.addObject().put("name", tool.name()).put("description", tool.description());
                node.set("inputSchema", JSON.valueToTree(tool.inputSchema()));
                node.set("outputSchema", JSON.valueToTree(tool.outputSchema()));
            }
        }
        return ToolCatalog.of(CatalogJson.tools(listed));
    }

    @Test
    void theDocsHaveJavaExamples() throws IOException {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(6);
    }

    @TestFactory
    Stream<DynamicTest> everyJavaExampleOfTheAgentsGuideCompilesPassesTheChecksAndRuns() throws IOException {
        return examples().stream().map(example -> DynamicTest.dynamicTest(example.title(), () -> run(example)));
    }

    private void run(Example example) throws Exception {
        CheckResult check = RuntimeChecker.get()
                .check(example.source(site), new AgentSetting(catalog, Optional.empty(), Optional.empty()));
        assertThat(check.passed())
                .as("%s:\n%s\n%s", example.title(), check.report("Agent.java"), example.source(site))
                .isTrue();
        AgentDefinition agent = new AgentLoader(RuntimeChecker.get()).define(check);
        var model = LlmClient.openAiCompatible(llm.baseUrl(), "sk-test", "test-model", Duration.ofSeconds(10), FAST);
        var runner = new AgentRunner(agent, model, tools, workspace, Clock.system(ZoneOffset.UTC));
        int mailsBefore = mail.getReceivedMessages().length;

        RunOutcome outcome = example.source(site).contains("event")
                ? runner.run(Event.received(Event.WEBHOOK, JSON.readTree(sampleEvent())))
                : runner.run();

        assertThat(outcome).as(example.title()).isInstanceOf(RunOutcome.Succeeded.class);
        if (example.source(site).contains("\"send_email\"")) {
            // the scripted answer and the site are made so that every mailing example's condition holds
            assertThat(mail.getReceivedMessages().length)
                    .as(example.title() + " sends its mail through the email tool")
                    .isGreaterThan(mailsBefore);
        }
    }

    /** A webhook payload with the fields the event-driven examples read. */
    private static String sampleEvent() {
        return """
                {"action": "published", "release": {"tag_name": "v1.4.0", "html_url": "%s"},
                 "issue": {"number": 7, "title": "Pods stuck in Pending"}}
                """.formatted(site.url("/github.example.com/releases/v1.4.0"));
    }

    record Example(String title, String text) {
        /** The example as a compilable Agent.java, its example.com addresses pointing at {@code site}. */
        String source(Site site) {
            String body = text.contains("class Agent")
                    ? SNIPPET_IMPORTS + text
                    : SNIPPET_IMPORTS + "public class Agent implements LangopAgent {\n"
                            + "    public AgentDefinition define() {\n" + text.indent(8) + "    }\n}\n";
            Matcher url = EXAMPLE_URL.matcher(body);
            return url.replaceAll(match -> Matcher.quoteReplacement(site.url("/" + match.group(1))));
        }
    }

    static List<Example> examples() throws IOException {
        String guide = Files.readString(Path.of(System.getProperty("langop.docs.dir", "../docs"), "agents.md"));
        List<Example> examples = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(guide);
        while (block.find()) {
            long line = guide.substring(0, block.start()).lines().count() + 1;
            Matcher name = Pattern.compile("builder\\(\"([^\"]+)\"").matcher(block.group(1));
            examples.add(new Example("agents.md:" + line + (name.find() ? " " + name.group(1) : ""), block.group(1)));
        }
        return examples;
    }

    /**
     * Web pages on loopback: every path is a page (the example sites), except that example.com itself is down (503,
     * so that the uptime example alerts); /search answers as SearXNG does.
     */
    static final class Site implements AutoCloseable {
        final List<String> paths = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        Site() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::serve);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void serve(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                paths.add(path);
                boolean search = path.equals("/search");
                String body = search
                        ? """
                          {"results": [{"url": "%s", "title": "CVE-2026-1234: kubelet", "content": "A CRITICAL flaw"}]}
                          """.formatted(url("/security.example.com/cve-2026-1234"))
                        : "<html><body><h1>" + path + "</h1><p>All systems operational.</p></body></html>";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders()
                        .set("Content-Type", search ? "application/json" : "text/html; charset=utf-8");
                exchange.sendResponseHeaders(path.equals("/example.com") ? 503 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
