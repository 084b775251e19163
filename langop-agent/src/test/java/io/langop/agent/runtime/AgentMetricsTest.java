package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.server.ServiceServer;
import io.langop.server.telemetry.Telemetry;
import io.langop.trace.OtlpReceiver;
import io.langop.wire.AgentEnv;
import io.langop.wire.Meters;
import io.langop.wire.TelemetryEnv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interactive agent's meters, scraped from its {@code /metrics} after real chat requests. */
class AgentMetricsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0";

    private final HttpClient http = HttpClient.newHttpClient();
    private ScriptedOpenAiServer llm;
    private TestMcpServer mcp;
    private AgentRuntime runtime;
    private ServiceServer server;

    @BeforeEach
    void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(TestTool.of("kubectl_get", "resource", args -> "3 pods running"));
        var agent = AgentDefinition.builder("helpdesk")
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer questions")
                .constraints(c -> c.blockedTopics("root password"))
                .build();
        var config = AgentConfig.from(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                AgentEnv.LLM_MODEL,
                "scripted",
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

    @Test
    void aChatTurnIsCountedWithItsTokensAndItsModelAndToolCallsAreTimed() throws Exception {
        llm.thenToolCall("kubectl_get", "{\"resource\":\"pods\"}").thenText("There are 3 pods.", 30, 7);

        assertThat(chat("How many pods?", null).statusCode()).isEqualTo(200);

        assertThat(scrape(null))
                .contains(Meters.AGENT_CHAT_TURNS.name() + "_total{outcome=\"answered\"} 1.0")
                .contains(Meters.AGENT_TOKENS.name() + "_total{kind=\"input\"} 40.0")
                .contains(Meters.AGENT_TOKENS.name() + "_total{kind=\"output\"} 12.0")
                .contains(Meters.AGENT_LLM_REQUESTS.name() + "_total 2.0")
                .contains(Meters.AGENT_CHAT_TURN_DURATION.name() + "_seconds_count{outcome=\"answered\"} 1")
                .contains(Meters.AGENT_LLM_CALL_DURATION.name()
                        + "_seconds_count{model=\"scripted\",outcome=\"success\"} 2")
                .contains(Meters.AGENT_TOOL_CALL_DURATION.name()
                        + "_seconds_count{outcome=\"success\",tool=\"kubectl_get\"} 1");
    }

    @Test
    void aTurnAConstraintRefusesCountsAsRefused() throws Exception {
        llm.thenText("Sure, the root password is hunter2.");

        assertThat(chat("What is the root password?", null).statusCode()).isEqualTo(400);

        assertThat(scrape(null))
                .contains(Meters.AGENT_CHAT_TURNS.name() + "_total{outcome=\"refused\"} 1.0")
                .contains(Meters.AGENT_CHAT_TURN_DURATION.name() + "_seconds_count{outcome=\"refused\"} 1")
                .doesNotContain("outcome=\"answered\"");
    }

    @Test
    void theTurnsHistogramLeadsToTheTraceOfTheTurnThatTheCallerStarted() throws Exception {
        llm.thenText("Fine.");
        try (OtlpReceiver collector = new OtlpReceiver();
                Telemetry ignored =
                        Telemetry.start("langop-agent", Map.of(TelemetryEnv.OTLP_ENDPOINT, collector.endpoint()))) {
            assertThat(chat("How are you?", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                            .statusCode())
                    .isEqualTo(200);

            String scraped = scrape(OPEN_METRICS);
            assertThat(Pattern.compile(Meters.AGENT_CHAT_TURN_DURATION.name()
                                    + "_seconds_bucket\\{outcome=\"answered\",le=\"[0-9.]+\"} 1 # \\{span_id=\"[0-9a-f]{16}\","
                                    + "trace_id=\"" + TRACE_ID + "\"}")
                            .matcher(scraped)
                            .find())
                    .as(scraped)
                    .isTrue();
            assertThat(scraped)
                    .containsPattern(Meters.AGENT_LLM_CALL_DURATION.name()
                            + "_seconds_bucket\\{model=\"scripted\",outcome=\"success\",le=\"[0-9.]+\"} 1 # \\{span_id=\"[0-9a-f]{16}\",trace_id=\""
                            + TRACE_ID + "\"}");
        }
    }

    private HttpResponse<String> chat(String question, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"helpdesk\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question
                                + "\"}]}"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scrape(String accept) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
