package io.langop.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.wire.AgentEnv;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LangopCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private ScriptedOpenAiServer llm;
    private TestMcpServer mcp;

    @BeforeEach
    void startServers() throws Exception {
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(
                TestTool.of("web_search", "query", args -> "{\"results\":[{\"title\":\"CVE-2026-0001\"}]}"));
    }

    @AfterEach
    void stopServers() {
        mcp.close();
        llm.close();
    }

    private int langop(Map<String, String> env, String... args) {
        CommandLine commandLine = LangopCommand.commandLine(env);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path fixture(String name) throws Exception {
        Path file = dir.resolve(name).resolve("Agent.java");
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("/agents/" + name + ".java")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private Path source(String code) throws Exception {
        Path file = dir.resolve("Agent.java");
        Files.writeString(file, code);
        return file;
    }

    @Test
    void validateAcceptsARealisticAgent() throws Exception {
        int status = langop(Map.of(), "validate", fixture("NewsDigestAgent").toString());

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("OK, agent 'kubernetes-news' (scheduled mode, 2 objective(s), 2 workflow step(s))");
    }

    @Test
    void validateChecksTheEventTriggersOfALanguageAgentManifestAsTheOperatorDoes() throws Exception {
        Path manifest = dir.resolve("agents.yaml");
        Files.writeString(manifest, """
                apiVersion: langop.io/v1alpha1
                kind: LanguageModel
                metadata: {name: qwen}
                ---
                apiVersion: langop.io/v1alpha1
                kind: LanguageAgent
                metadata: {name: triage}
                spec:
                  executionMode: event-driven
                  eventTriggers:
                    - type: webhook
                      source: github
                      authentication: github
                      condition: event.action == 'opened' && has(event.issue)
                      mapping: {number: event.issue.number}
                ---
                apiVersion: langop.io/v1alpha1
                kind: LanguageAgent
                metadata: {name: orders}
                spec:
                  executionMode: event-driven
                  eventTriggers:
                    - type: webhook
                      filter: {event.kind: order}
                    - type: webhook
                      condition: ce.type = 'created'
                """);

        int status = langop(Map.of(), "validate", manifest.toString());

        assertThat(status).isEqualTo(3);
        assertThat(out.toString()).contains(manifest + ": OK, LanguageAgent 'triage' (1 event trigger(s))");
        assertThat(err.toString())
                .contains(manifest + ": LanguageAgent 'orders': spec.eventTriggers[1]: another trigger serves /webhook"
                        + " already")
                .contains(manifest + ": LanguageAgent 'orders': spec.eventTriggers[1].condition: column 9: token"
                        + " recognition error at: '= '");
    }

    @Test
    void validateRefusesForbiddenApisWithPositionAndExitStatus3() throws Exception {
        Path file = source("""
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    public AgentDefinition define() {
                        java.lang.Runtime.getRuntime().halt(0);
                        return AgentDefinition.builder("a").objective("x").build();
                    }
                }
                """);

        int status = langop(Map.of(), "validate", file.toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString())
                .contains("Agent.java:4:9: error: java.lang.Runtime is not allowed in agent code (processes)");
    }

    @Test
    void validateNeverRunsTheStaticInitializerOfCodeThatFailsACheck() throws Exception {
        Path trace = dir.resolve("trace.txt");
        java.util.Locale before = java.util.Locale.getDefault();
        Path file = source("""
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    static {
                        try {
                            new java.util.Formatter("%s").format("validated code ran").close();
                        } catch (Exception ignored) {
                        }
                        java.util.Locale.setDefault(java.util.Locale.CHINA);
                    }
                    public AgentDefinition define() {
                        return AgentDefinition.builder("a").objective("x").build();
                    }
                }
                """.formatted(trace));

        int status = langop(Map.of(), "validate", file.toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString())
                .contains("Agent.java:5:13: error: java.util.Formatter(java.lang.String) is not allowed")
                .contains("Agent.java:8:9: error: java.util.Locale.setDefault is not allowed");
        assertThat(trace).doesNotExist();
        assertThat(java.util.Locale.getDefault()).isEqualTo(before);
    }

    @Test
    void validateReportsAStaticInitializerThatThrows() throws Exception {
        Path file = source("""
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    static final int LIMIT = Integer.parseInt("ten");
                    public AgentDefinition define() {
                        return AgentDefinition.builder("a").objective("x " + LIMIT).build();
                    }
                }
                """);

        int status = langop(Map.of(), "validate", file.toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("agent definition is invalid: For input string: \"ten\"");
    }

    @Test
    void validateReportsDefinitionErrorsNamingTheStep() throws Exception {
        Path file = source("""
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    public AgentDefinition define() {
                        return AgentDefinition.builder("a").objective("x")
                                .workflow(w -> w.step("summarize", s -> s.prompt("Summarize {search}")))
                                .build();
                    }
                }
                """);

        int status = langop(Map.of(), "validate", file.toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString())
                .contains("Agent.java:5:66: error: placeholder {search} in step 'summarize' names no step; the"
                        + " steps: summarize (and {date}, {time}, {event})");
    }

    @Test
    void validateWithACatalogReportsEveryProblemOfTheDefinitionInOneRun() throws Exception {
        // the catalog as an MCP tools/list result, and as kubectl prints LanguageTools
        Path webTools = dir.resolve("web-tools.json");
        Files.writeString(webTools, """
                {"tools": [{"name": "web_search", "description": "Search the web.",
                            "inputSchema": {"type": "object", "required": ["query"],
                                            "properties": {"query": {"type": "string"},
                                                           "max_results": {"type": "integer"}}}}]}
                """);
        Path languageTools = dir.resolve("languagetools.json");
        Files.writeString(languageTools, """
                {"kind": "List", "items": [{"kind": "LanguageTool", "metadata": {"name": "email"},
                  "status": {"availableTools": [{"name": "send_email", "description": "Send an e-mail.",
                    "inputSchema": {"type": "object", "required": ["to", "subject", "body"],
                                    "properties": {"to": {"type": "string"}, "subject": {"type": "string"},
                                                   "body": {"type": "string"}}}}]}}]}
                """);
        Path file = source("""
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    public AgentDefinition define() {
                        return AgentDefinition.builder("digest")
                                .schedule("0 7 * * *")
                                .workflow(w -> w
                                        .step("search", s -> s.tool("web").param("query", "CVE"))
                                        .step("top", s -> s.tool("web_search").param("q", "CVE").param("max_results", "3"))
                                        .step("mail", s -> s.tool("send_email").param("to", "ops@example.com")
                                                .param("body", "{summary}")))
                                .build();
                    }
                }
                """);

        int status = langop(
                Map.of(),
                "validate",
                "--catalog",
                webTools.toString(),
                "--catalog",
                languageTools.toString(),
                "--schedule",
                "0 9 * * 1-5",
                file.toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString())
                .contains("Agent.java:5:27: error: the LanguageAgent's schedule is \"0 9 * * 1-5\"")
                .contains("Agent.java:7:53: error: unknown tool 'web'; this agent has: web_search(query,"
                        + " max_results?), send_email(to, subject, body)")
                .contains("Agent.java:8:70: error: tool 'web_search' has no parameter 'q'")
                .contains(
                        "Agent.java:8:88: error: parameter 'max_results' of tool 'web_search' takes an integer, not the"
                                + " string \"3\"")
                .contains("Agent.java:8:50: error: tool 'web_search' needs parameter 'query' (string)")
                .contains("error: tool 'send_email' needs parameter 'subject' (string)")
                .contains("error: placeholder {summary} in step 'mail' names no step")
                .contains("Agent.java: 7 problems");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void runExecutesAScheduledAgentOnceAndExits0WithFlagsOverTheEnvironment() throws Exception {
        llm.thenText("Digest: CVE-2026-0001");
        Path workspace = dir.resolve("workspace");

        Map<String, String> env = Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                "http://127.0.0.1:9",
                AgentEnv.AGENT_MODE,
                "interactive",
                AgentEnv.MCP_SERVERS,
                "http://127.0.0.1:9");

        int status = langop(
                env,
                "run",
                fixture("NewsDigestAgent").toString(),
                "--model-endpoint",
                llm.rootUrl(),
                "--mcp-server",
                mcp.url().toString(),
                "--workspace",
                workspace.toString(),
                "--mode",
                "scheduled");

        assertThat(status).isZero();
        assertThat(mcp.calls())
                .containsExactly("web_search {max_results=5, query=kubernetes CVE "
                        + LocalDate.now(ZoneId.systemDefault()) + "}");
        assertThat(llm.messagesOf(0).getFirst()).startsWith("system: You are a concise security analyst.");
        assertThat(Files.readString(workspace.resolve("reports/" + LocalDate.now(ZoneId.systemDefault()) + ".md")))
                .isEqualTo("Digest: CVE-2026-0001");
    }

    @Test
    void aConstraintViolationExitsWithStatus4() throws Exception {
        Path file = source("""
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    public AgentDefinition define() {
                        return AgentDefinition.builder("leaky").objective("Print the database password")
                                .mode(ExecutionMode.SCHEDULED)
                                .constraints(c -> c.blockedTopics("password"))
                                .build();
                    }
                }
                """);

        int status = langop(
                Map.of(), "run", file.toString(), "--model-endpoint", llm.rootUrl(), "--workspace", dir.toString());

        assertThat(status).isEqualTo(4);
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void withoutCodeTheInstructionsAreTheSingleObjective() throws Exception {
        llm.thenText("Hello from instructions");
        Map<String, String> env = Map.of(
                AgentEnv.AGENT_CODE_PATH, dir.resolve("missing/Agent.java").toString(),
                AgentEnv.AGENT_INSTRUCTIONS, "Greet the team",
                AgentEnv.AGENT_NAME, "greeter",
                AgentEnv.AGENT_MODE, "scheduled",
                AgentEnv.MODEL_ENDPOINTS, llm.rootUrl() + ",http://unused:8000",
                AgentEnv.LLM_MODEL, "small-model,big-model",
                AgentEnv.WORKSPACE_PATH, dir.toString());

        int status = langop(env, "run");

        assertThat(status).isZero();
        assertThat(llm.requests().getFirst().path("model").asText()).isEqualTo("small-model");
        assertThat(llm.messagesOf(0))
                .singleElement()
                .asString()
                .startsWith("user: # Task: greeter")
                .contains("- Greet the team");
    }

    @Test
    void runWithoutAModelEndpointIsAUsageError() throws Exception {
        int status = langop(Map.of(), "run", fixture("InteractiveAgent").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("no model endpoint: set MODEL_ENDPOINTS (or pass --model-endpoint)");
    }

    @Test
    void aBindAddressThatIsNoIpAddressIsAUsageError() throws Exception {
        int status = langop(
                Map.of(io.langop.wire.ServiceWire.BIND_ADDRESS_ENV, "localhost"),
                "run",
                fixture("NewsDigestAgent").toString(),
                "--model-endpoint",
                llm.rootUrl());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .contains("BIND_ADDRESS must be an IP address such as 127.0.0.1 or ::1, got 'localhost'");
    }

    @Test
    void inAPodAFinishedAutonomousAgentIdlesUntilStoppedInsteadOfExiting() throws Exception {
        llm.thenText("Found it.\nOBJECTIVES COMPLETE");
        Path codeDirectory = Files.createDirectories(dir.resolve("code")); // mounted like the operator's ConfigMap
        Files.writeString(codeDirectory.resolve("Agent.java"), """
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    public AgentDefinition define() {
                        return AgentDefinition.builder("seeker").mode(ExecutionMode.AUTONOMOUS).objective("Find it").build();
                    }
                }
                """);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        AtomicInteger status = new AtomicInteger(-1);
        Thread pod = Thread.ofPlatform()
                .start(() -> status.set(langop(
                        Map.of(
                                AgentEnv.AGENT_CODE_PATH,
                                codeDirectory.toString(),
                                AgentEnv.MODEL_ENDPOINTS,
                                llm.rootUrl(),
                                AgentEnv.WORKSPACE_PATH,
                                dir.toString(),
                                "PORT",
                                String.valueOf(port)),
                        "run")));
        HttpClient http = HttpClient.newHttpClient();
        URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");

        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                        .body()
                        .contains("langop_agent_runs_total{outcome=\"succeeded\"} 1.0"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200);
        assertThat(pod.isAlive()).isTrue();

        pod.interrupt(); // what SIGTERM does to the run
        pod.join(Duration.ofSeconds(10));
        assertThat(status).hasValue(143);
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void autonomousModeRunsCyclesUntilTheObjectivesAreComplete() throws Exception {
        llm.thenText("Still looking").thenText("Found it.\nOBJECTIVES COMPLETE");
        Path file = source("""
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    public AgentDefinition define() {
                        return AgentDefinition.builder("seeker").objective("Find it").build();
                    }
                }
                """);

        int status = langop(
                Map.of(AgentEnv.AGENT_CYCLE_PAUSE, "0", AgentEnv.AGENT_MAX_CYCLES, "5"),
                "run",
                file.toString(),
                "--model-endpoint",
                llm.rootUrl(),
                "--workspace",
                dir.toString(),
                "--port",
                "0");

        assertThat(status).isZero();
        assertThat(llm.requests()).hasSize(2);
    }

    @Test
    void newAgentCreatesAMavenProjectWhoseAgentValidates() throws Exception {
        Path project = dir.resolve("weekly-report");

        int status = langop(Map.of(), "new", "agent", "weekly-report", "--directory", project.toString());

        assertThat(status).isZero();
        var pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(project.resolve("pom.xml").toFile());
        assertThat(pom.getElementsByTagName("artifactId").item(0).getTextContent())
                .isEqualTo("weekly-report");
        assertThat(Files.readString(project.resolve("pom.xml"))).contains("<artifactId>langop-sdk</artifactId>");
        assertThat(langop(
                        Map.of(),
                        "validate",
                        project.resolve("src/main/java/Agent.java").toString()))
                .isZero();
        assertThat(out.toString()).contains("OK, agent 'weekly-report' (autonomous mode");

        assertThat(langop(Map.of(), "new", "agent", "weekly-report", "--directory", project.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("exists and is not empty: nothing was written");
    }

    @Test
    void newToolCreatesAToolServerProjectWithATest() throws Exception {
        Path project = dir.resolve("weather-lookup");

        assertThat(langop(Map.of(), "new", "tool", "weather-lookup", "--directory", project.toString()))
                .isZero();

        assertThat(project.resolve("src/main/java/Tools.java")).content().contains("Tool.builder(\"weather_lookup\")");
        assertThat(project.resolve("src/test/java/ToolsTest.java")).exists();
        assertThat(project.resolve("pom.xml")).content().contains("<artifactId>weather-lookup</artifactId>");
        assertThat(out.toString())
                .contains("Created tool project weather-lookup")
                .contains("mvn -q test");
    }

    @Test
    void newRefusesUnknownTypesAndBadNamesAndWritesNothing() {
        assertThat(langop(
                        Map.of(),
                        "new",
                        "model",
                        "x",
                        "--directory",
                        dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(langop(
                        Map.of(),
                        "new",
                        "tool",
                        "Bad Name",
                        "--directory",
                        dir.resolve("y").toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("Unknown type 'model': 'agent' or 'tool' can be created.")
                .contains("Invalid name 'Bad Name'");
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(dir.resolve("y")).doesNotExist();
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertThat(langop(Map.of(), "version")).isZero();
        assertThat(out.toString().strip()).matches("langop \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
