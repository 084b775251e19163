package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.server.ServiceServer;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentTriggers;
import io.langop.wire.HmacSha256;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventDrivenModeTest {

    private static final String SECRET = "webhook-s3cret";
    private static final String EVENT = "{\"id\":7,\"title\":\"disk full on node-3\"}";

    /** When the test signs: within the replay window of the agent's clock. */
    private final long timestamp = java.time.Instant.now().getEpochSecond();

    /** langop's HMAC of the event, as a sender signs it. */
    private String sign(String secret) {
        return new HmacSha256(secret)
                .sign((timestamp + ".").getBytes(StandardCharsets.UTF_8), EVENT.getBytes(StandardCharsets.UTF_8));
    }

    @TempDir
    Path workspace;

    private ScriptedOpenAiServer llm;
    private AgentRuntime runtime;
    private ServiceServer server;

    @BeforeEach
    void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        var agent = AgentDefinition.builder("triage")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Triage incidents")
                .workflow(w -> w.step("classify", s -> s.prompt("Classify incident {event.id}: {event.title}")))
                .build();
        var config = AgentConfig.from(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                "PORT",
                "0",
                AgentEnv.AGENT_WEBHOOK_SECRET,
                SECRET,
                AgentEnv.WORKSPACE_PATH,
                workspace.toString()));
        runtime = AgentRuntime.connect(config, () -> agent);
        server = runtime.serve();
    }

    @AfterEach
    void stop() {
        server.close();
        runtime.close();
        llm.close();
    }

    private HttpResponse<String> post(String body, String signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(AgentTriggers.SIGNATURE_HEADER, signature);
            request.header(AgentTriggers.TIMESTAMP_HEADER, Long.toString(timestamp));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedEventStartsARunWithThePayloadAsPlaceholder() throws Exception {
        llm.thenText("severity: high");
        String signature = sign(SECRET);

        var response = post(EVENT, signature);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"event\":");
        await().atMost(Duration.ofSeconds(20)).until(() -> llm.requests().size() == 1);
        assertThat(llm.messagesOf(0)).containsExactly("user: Classify incident 7: disk full on node-3");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(metrics()).contains("langop_agent_runs_total{outcome=\"succeeded\"} 1.0"));
    }

    @Test
    void unsignedOrWronglySignedEventsAreRefused() throws Exception {
        assertThat(post(EVENT, null).statusCode()).isEqualTo(401);
        assertThat(post(EVENT, sign("other")).statusCode()).isEqualTo(401);
        assertThat(post(EVENT, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void aToolServerRestartedWhileTheAgentRunsIsReconnectedAndTheNextRunsToolCallSucceeds() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var agent = AgentDefinition.builder("pager")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Page the on-call engineer")
                .workflow(w -> w.step("page", s -> s.tool("page").param("who", "{event.who}")))
                .build();
        var before = TestMcpServer.startOn(port, TestTool.of("page", "who", args -> "paged " + args.get("who")));
        var config = AgentConfig.from(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                AgentEnv.MCP_SERVERS,
                before.url().toString(),
                "PORT",
                "0",
                AgentEnv.WORKSPACE_PATH,
                workspace.resolve("pager").toString()));
        try (var pagerRuntime = AgentRuntime.connect(config, () -> agent);
                var pagerServer = pagerRuntime.serve()) {
            URI webhook = URI.create("http://127.0.0.1:" + pagerServer.port() + "/webhook");
            assertThat(postTo(webhook, "{\"who\":\"ada\"}").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> before.calls().size() == 1);
            before.close();

            try (var after =
                    TestMcpServer.startOn(port, TestTool.of("page", "who", args -> "paged " + args.get("who")))) {
                assertThat(postTo(webhook, "{\"who\":\"grace\"}").statusCode()).isEqualTo(202);

                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(metricsOf(pagerServer))
                                .contains("langop_agent_runs_total{outcome=\"succeeded\"} 2.0"));
                assertThat(after.calls()).containsExactly("page {who=grace}");
            }
        }
    }

    private static HttpResponse<String> postTo(URI webhook, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(webhook)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String metricsOf(ServiceServer server) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private String metrics() throws Exception {
        return metricsOf(server);
    }
}
