package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.server.ServiceServer;
import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An interactive agent whose code sets no limits, started with the limits the operator derives from its spec: the
 * runtime holds every chat request to them.
 */
class SpecLimitsInChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountDownLatch releaseSlowTool = new CountDownLatch(1);
    private ScriptedOpenAiServer llm;
    private TestMcpServer mcp;
    private AgentRuntime runtime;
    private ServiceServer server;

    @BeforeEach
    void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(TestTool.blockingUntil("quotes", "symbol", releaseSlowTool));
        var agent = AgentDefinition.builder("advisor")
                .persona("You are a careful market analyst. Never give stock tips.")
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer questions about the market")
                .build();
        var config = AgentConfig.from(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                AgentEnv.MCP_SERVERS,
                mcp.url().toString(),
                ServiceWire.PORT_ENV,
                "0",
                AgentEnv.AGENT_TIMEOUT, // generous: the first request of a cold JVM takes a while
                "PT3S",
                AgentEnv.AGENT_STOP_GRACE,
                "PT2S",
                AgentEnv.AGENT_LIMITS,
                "{\"blockedTopics\":[\"stock tips\"],\"requestsPerMinute\":1}"));
        runtime = AgentRuntime.connect(config, () -> agent);
        server = runtime.serve();
    }

    @AfterEach
    void stop() {
        releaseSlowTool.countDown();
        server.close();
        runtime.close();
        mcp.close();
        llm.close();
    }

    @Test
    void aBlockedTopicOfTheSpecRefusesTheChatThoughTheCodeSetsNone() throws Exception {
        HttpResponse<String> response = chat("Any good stock tips for today?");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asText()).contains("prompt mentions blocked topic 'stock tips'");
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void thePersonaNamingTheBlockedTopicIsNoFalsePositive() throws Exception {
        llm.thenText("Markets were calm today.");

        HttpResponse<String> response = chat("How was the market?");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())
                        .path("choices")
                        .path(0)
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo("Markets were calm today.");
    }

    @Test
    void theSpecRequestsPerMinuteCountEveryChatTheAgentServes() throws Exception {
        llm.thenText("Markets were calm today.").thenText("Still calm.");

        HttpResponse<String> first = chat("How was the market?");
        HttpResponse<String> second = chat("And now?");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(error(second).path("message").asText()).contains("more than 1 LLM requests within one minute");
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void theSpecTimeoutEndsAChatRequestTheCodeWouldLetContinue() throws Exception {
        llm.thenToolCall("quotes", "{\"symbol\":\"ACME\"}").thenText("ACME is up.");
        long started = System.nanoTime();

        HttpResponse<String> response = chat("What does ACME trade at?");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(error(response).path("message").asText()).contains("the run exceeded its timeout of PT3S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    private HttpResponse<String> chat(String userText) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", "advisor");
        body.putArray("messages").addObject().put("role", "user").put("content", userText);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error");
    }
}
