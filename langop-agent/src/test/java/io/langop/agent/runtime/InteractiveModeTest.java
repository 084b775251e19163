package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.langop.memory.postgres.PostgresServer;
import io.langop.memory.redis.RedisServer;
import io.langop.memory.s3.S3ProxyServer;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.Constraints;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.llm.StreamCollector;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.server.ServiceServer;
import io.langop.server.testing.OversizeBodies;
import io.langop.server.testing.RawHttpClient;
import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat endpoint, exercised with langchain4j's OpenAI clients (plain and streaming). */
class InteractiveModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptedOpenAiServer llm;
    private TestMcpServer mcp;
    private AgentRuntime runtime;
    private ServiceServer server;

    @BeforeEach
    void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(TestTool.of("kubectl_get", "resource", args -> "3 pods running"));
        var agent = AgentDefinition.builder("helpdesk")
                .persona("You are the platform helpdesk.")
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer questions")
                .constraints(c -> c.blockedTopics("root password"))
                .build();
        var config = AgentConfig.from(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                AgentEnv.MCP_SERVERS,
                mcp.url().toString(),
                "PORT",
                "0"));
        runtime = AgentRuntime.connect(config, () -> agent);
        server = runtime.serve();
    }

    @AfterEach
    void stop() {
        server.close();
        runtime.close();
        mcp.close();
        llm.close();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    @Test
    void answersOpenaiChatCompletionsWithThePersonaAndTheAgentsTools() {
        llm.thenToolCall("kubectl_get", "{\"resource\":\"pods\"}").thenText("There are 3 pods.", 30, 7);
        var client = OpenAiChatModel.builder()
                .baseUrl(baseUrl())
                .apiKey("unused")
                .modelName("helpdesk")
                .maxRetries(0)
                .build();

        ChatResponse response = client.chat(ChatRequest.builder()
                .messages(UserMessage.from("How many pods?"))
                .build());

        assertThat(response.aiMessage().text()).isEqualTo("There are 3 pods.");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(40);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(12);
        assertThat(llm.messagesOf(0)).containsExactly("system: You are the platform helpdesk.", "user: How many pods?");
        assertThat(mcp.calls()).containsExactly("kubectl_get {resource=pods}");
    }

    @Test
    void withContentFiltersStreamsTheCheckedAnswerAsChunks() throws Exception {
        llm.thenText("Streaming works fine today");
        var client = streamingClient(server, "helpdesk");
        StreamCollector stream = new StreamCollector();

        client.chat(ChatRequest.builder().messages(UserMessage.from("status?")).build(), stream);

        assertThat(stream.response(Duration.ofSeconds(20)).aiMessage().text()).isEqualTo("Streaming works fine today");
        assertThat(stream.pieces()).hasSizeGreaterThan(1);
        assertThat(String.join("", stream.pieces())).isEqualTo("Streaming works fine today");
    }

    @Test
    void relaysTheModelsTextWhileItIsWrittenWhenNoContentFilterApplies() throws Exception {
        llm.thenToolCall("kubectl_get", "{\"resource\":\"nodes\"}").thenText("Live tokens arrive one by one");
        try (var liveRuntime = interactiveAgent("live", limits -> limits, Map.of());
                var liveServer = liveRuntime.serve()) {
            var client = streamingClient(liveServer, "live");
            StreamCollector stream = new StreamCollector();

            client.chat(
                    ChatRequest.builder().messages(UserMessage.from("nodes?")).build(), stream);

            assertThat(stream.response(Duration.ofSeconds(20)).aiMessage().text())
                    .isEqualTo("Live tokens arrive one by one");
            assertThat(stream.pieces()).containsExactly("Live ", "tokens ", "arrive ", "one ", "by ", "one");
            assertThat(llm.requests())
                    .allSatisfy(request ->
                            assertThat(request.path("stream").asBoolean()).isTrue());
            assertThat(mcp.calls()).containsExactly("kubectl_get {resource=nodes}");
        }
    }

    @Test
    void streamsNonAsciiTextAsUtf8ToAnOpenaiClientLiveAndAfterTheContentFilter() throws Exception {
        String greeting = "Grüße 世界, naïve café ✓";
        llm.thenText(greeting).thenText(greeting);
        try (var liveRuntime = interactiveAgent("live", limits -> limits, Map.of());
                var liveServer = liveRuntime.serve()) {
            // the relayed stream (no content filter) and the checked one (the helpdesk has a blocked topic)
            for (var agentAndServer : List.of(Map.entry("live", liveServer), Map.entry("helpdesk", server))) {
                var client = streamingClient(agentAndServer.getValue(), agentAndServer.getKey());
                StreamCollector stream = new StreamCollector();

                client.chat(
                        ChatRequest.builder()
                                .messages(UserMessage.from("hello"))
                                .build(),
                        stream);

                assertThat(stream.response(Duration.ofSeconds(20)).aiMessage().text())
                        .as(agentAndServer.getKey())
                        .isEqualTo(greeting);
                assertThat(String.join("", stream.pieces())).isEqualTo(greeting);
            }
        }
    }

    @Test
    void declaresTheStreamsCharsetAndSendsUtf8BytesOnTheOpenaiWireFormat() throws Exception {
        String greeting = "Grüße 世界";
        llm.thenText(greeting);

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"helpdesk\",\"stream\":true,"
                                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type.toLowerCase(java.util.Locale.ROOT))
                        .startsWith("text/event-stream")
                        .contains("charset=utf-8"));
        String body = java.nio.charset.StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(response.body()))
                .toString(); // throws on bytes that are not UTF-8
        StringBuilder content = new StringBuilder();
        for (String event : body.split("\n\n", -1)) {
            if (event.startsWith("data: {")) {
                content.append(JSON.readTree(event.substring("data: ".length()))
                        .path("choices")
                        .path(0)
                        .path("delta")
                        .path("content")
                        .asText(""));
            }
        }
        assertThat(content).hasToString(greeting);
        assertThat(body).endsWith("data: [DONE]\n\n");
    }

    /** Another interactive agent on this test's model and tool server, with {@code settings} added to its own. */
    private AgentRuntime interactiveAgent(
            String name, UnaryOperator<Constraints.Builder> limits, Map<String, String> settings) throws Exception {
        var agent = AgentDefinition.builder(name)
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer")
                .constraints(limits)
                .build();
        Map<String, String> configuration = new java.util.HashMap<>(settings);
        configuration.putAll(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                AgentEnv.MCP_SERVERS,
                mcp.url().toString(),
                "PORT",
                "0"));
        return AgentRuntime.connect(AgentConfig.from(configuration), () -> agent);
    }

    private static OpenAiStreamingChatModel streamingClient(ServiceServer server, String model) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl("http://127.0.0.1:" + server.port() + "/v1")
                .apiKey("unused")
                .modelName(model)
                .build();
    }

    @Test
    void aSessionsConversationOutlivesARestartOfTheAgent(@TempDir Path workspace) throws Exception {
        conversationOutlivesARestart(Map.of(AgentEnv.WORKSPACE_PATH, workspace.toString()));
    }

    @Test
    void aSessionsConversationKeptInRedisOutlivesARestartOfTheAgent(@TempDir Path directory) throws Exception {
        assumeTrue(RedisServer.program() != null, "redis-server is not installed (apt-get install redis-server)");
        try (RedisServer redis = RedisServer.start(directory.resolve("redis"))) {
            conversationInAStoreOutlivesARestart(directory, "redis", redis.url());
        }
    }

    @Test
    void aSessionsConversationKeptInPostgresOutlivesARestartOfTheAgent(@TempDir Path directory) throws Exception {
        try (PostgresServer postgres = PostgresServer.start(directory.resolve("postgres"))) {
            conversationInAStoreOutlivesARestart(directory, "postgres", postgres.url());
        }
    }

    @Test
    void aSessionsConversationKeptInS3OutlivesARestartOfTheAgent(@TempDir Path directory) throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(directory.resolve("s3"))) {
            conversationInAStoreOutlivesARestart(directory, "s3", s3.url());
        }
    }

    /** As {@link #conversationOutlivesARestart}, with the memory store {@code type} at {@code url}. */
    private void conversationInAStoreOutlivesARestart(Path directory, String type, String url) throws Exception {
        conversationOutlivesARestart(Map.of(
                AgentEnv.WORKSPACE_PATH,
                directory.resolve("workspace").toString(),
                AgentEnv.MEMORY_STORE,
                type,
                AgentEnv.MEMORY_URL,
                url));
        assertThat(Files.exists(directory.resolve("workspace/.langop/memory")))
                .as("kept in " + type + ", not in the workspace")
                .isFalse();
    }

    private void conversationOutlivesARestart(Map<String, String> settings) throws Exception {
        llm.thenText("Hello Ada.").thenText("Your name is Ada.");

        try (AgentRuntime first = interactiveAgent("memo", c -> c, settings);
                ServiceServer serving = first.serve()) {
            HttpResponse<String> hello = postInSession(serving, "alice", "My name is Ada.");
            assertThat(hello.statusCode()).isEqualTo(200);
        }
        try (AgentRuntime restarted = interactiveAgent("memo", c -> c, settings);
                ServiceServer serving = restarted.serve()) {
            HttpResponse<String> answer = postInSession(serving, "alice", "What is my name?");

            assertThat(JSON.readTree(answer.body())
                            .at("/choices/0/message/content")
                            .asText())
                    .isEqualTo("Your name is Ada.");
        }
        assertThat(llm.messagesOf(1))
                .containsExactly("user: My name is Ada.", "assistant: Hello Ada.", "user: What is my name?");
    }

    @Test
    void aSessionIdThatCannotNameAConversationIsRefused() throws Exception {
        HttpResponse<String> response = postInSession(server, "../../etc", "hi");

        assertError(
                response, 400, "invalid_request_error", "X-Langop-Session: session id '../../etc' is not a valid key");
        assertThat(llm.requests()).isEmpty();
    }

    private static HttpResponse<String> postInSession(ServiceServer server, String session, String userText)
            throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("messages").addObject().put("role", "user").put("content", userText);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
                                .header("Content-Type", "application/json")
                                .header(ServiceWire.SESSION_HEADER, session)
                                .timeout(java.time.Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachAnsweredOrFailedTurnIsReportedToTheProxyWithTheCodeItRanAndARefusedTurnIsNot() throws Exception {
        String codeHash = "c0de".repeat(16);
        try (var reporting = interactiveAgent(
                        "reporting",
                        limits -> limits.blockedTopics("root password"),
                        Map.of(AgentEnv.AGENT_REPORT_RUNS, "true", AgentEnv.AGENT_CODE_HASH, codeHash));
                var reportingServer = reporting.serve()) {
            llm.thenText("Fine.").thenError(400, "the model refuses this request");
            assertThat(postInSession(reportingServer, "s1", "status?").statusCode())
                    .isEqualTo(200);
            assertThat(postInSession(reportingServer, "s1", "and now?").statusCode())
                    .as("the model refused: the turn failed")
                    .isGreaterThanOrEqualTo(500);
            assertThat(postInSession(reportingServer, "s1", "the root password?")
                            .statusCode())
                    .isEqualTo(400);

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> llm.runReports().size() >= 2);
            Thread.sleep(200); // a report of the refused turn would be there by now
            assertThat(llm.runReports()).hasSize(2);
            assertThat(llm.runReports())
                    .anySatisfy(report -> {
                        assertThat(report.path("result").asText()).isEqualTo("succeeded");
                        assertThat(report.path("succeeded").asBoolean()).isTrue();
                        assertThat(report.path("codeHash").asText()).isEqualTo(codeHash);
                        assertThat(report.has("failure")).isFalse();
                    })
                    .anySatisfy(report -> {
                        assertThat(report.path("result").asText()).isEqualTo("failed");
                        assertThat(report.path("succeeded").asBoolean()).isFalse();
                        assertThat(report.path("codeHash").asText()).isEqualTo(codeHash);
                        assertThat(report.path("failure").asText()).contains("the model refuses this request");
                    });
        }
    }

    @Test
    void listsTheAgentAsTheOnlyModel() throws Exception {
        JsonNode models = JSON.readTree(get("/models").body());

        assertThat(models.path("object").asText()).isEqualTo("list");
        assertThat(models.path("data"))
                .singleElement()
                .satisfies(model -> assertThat(model.path("id").asText()).isEqualTo("helpdesk"));
    }

    @Test
    void malformedRequestsGetOpenaiStyleErrors() throws Exception {
        assertError(post("{not json"), 400, "invalid_request_error", "We could not parse the JSON body");
        assertError(
                post("{\"model\":\"helpdesk\",\"messages\":[]}"),
                400,
                "invalid_request_error",
                "'messages' must be a non-empty array.");
        assertError(
                post("{\"model\":\"helpdesk\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}"),
                400,
                "invalid_request_error",
                "role 'tool' is not accepted");
        assertError(
                post("{\"model\":\"gpt-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                404,
                "invalid_request_error",
                "The model 'gpt-5' does not exist");
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void aBodyOverTheCapIsRefusedWithAnOpenaiErrorAndNoHeapIsHeldForIt() throws Exception {
        assertTooLarge(OversizeBodies.answerToAnnouncedBody(server.port(), "/v1/chat/completions"));

        OversizeBodies.assertRefusedWithoutHoldingTheHeap(
                server.port(), "/v1/chat/completions", InteractiveModeTest::assertTooLarge);
        assertThat(llm.requests()).isEmpty();
    }

    private static void assertTooLarge(RawHttpClient.Answer answer) throws Exception {
        assertThat(answer.status()).isEqualTo(413);
        JsonNode error = JSON.readTree(answer.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asText()).isEqualTo("request_too_large");
        assertThat(error.path("message").asText()).contains(String.valueOf(ServiceServer.DEFAULT_MAX_REQUEST_BYTES));
    }

    @Test
    void constraintsRefuseBlockedRequests() throws Exception {
        var response = post(
                "{\"model\":\"helpdesk\",\"messages\":[{\"role\":\"user\",\"content\":\"What is the ROOT PASSWORD?\"}]}");

        assertError(response, 400, "invalid_request_error", "prompt mentions blocked topic 'root password'");
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText())
                .isEqualTo("constraint_violated");
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void listensOnlyOnTheBindAddressWhenOneIsSet() throws Exception {
        try (var boundRuntime =
                        interactiveAgent("bound", limits -> limits, Map.of(ServiceWire.BIND_ADDRESS_ENV, "127.0.0.1"));
                var boundServer = boundRuntime.serve()) {
            assertThat(boundServer.bindAddress()).contains(java.net.InetAddress.getLoopbackAddress());
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(boundServer.uri().resolve("/healthz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestThatOverstaysTheTimeoutIsStoppedAndTheAgentAnswersTheNextOne() throws Exception {
        // a blocked pattern that backtracks for minutes on the input below: a busy loop in interactive mode
        llm.thenText("Fine.");
        try (var guardedRuntime = interactiveAgent(
                        "guarded",
                        limits ->
                                limits.timeout(java.time.Duration.ofSeconds(1)).blockedPatterns("(a+)+\\1b"),
                        Map.of());
                var guardedServer = guardedRuntime.serve()) {
            URI completions = guardedServer.uri().resolve("/v1/chat/completions");
            long start = System.nanoTime();

            var stopped = postTo(completions, "guarded", "a".repeat(28) + "!");

            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(java.time.Duration.ofSeconds(5));
            assertError(stopped, 500, "server_error", "the run exceeded its timeout of PT1S");
            var answered = postTo(completions, "guarded", "hello");
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answered.body())
                            .at("/choices/0/message/content")
                            .asText())
                    .isEqualTo("Fine.");
        }
    }

    @Test
    void servesHealthEndpoints() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(URI.create(baseUrl() + "/chat/completions"), body);
    }

    private static HttpResponse<String> postTo(URI completions, String model, String userText) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", userText);
        return post(completions, body.toString());
    }

    private static HttpResponse<String> post(URI completions, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(completions)
                                .header("Content-Type", "application/json")
                                .timeout(java.time.Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String message)
            throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo(type);
        assertThat(error.path("message").asText()).contains(message);
    }
}
