package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.server.ServiceServer;
import io.langop.wire.AgentApprovals;
import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import io.langop.wire.ToolCallEvents;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tool calls an agent tells of in its chat answer ({@link ToolCallEvents}), read with OpenAI's official Java SDK
 * (openai-java, a client we did not write): every chunk parses as a chunk, the SDK's own accumulator puts the answer
 * together, and the reports are there for a client that looks for them; a call a person denied is told as denied.
 */
class ToolCallStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARGUMENTS = "{\"resource\":\"pods\",\"token\":\"hunter2\"}";
    private static final String APPROVAL_TOKEN = "approval-token";

    private ScriptedOpenAiServer llm;
    private TestMcpServer mcp;
    private final List<AutoCloseable> agents = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(
                TestTool.of("kubectl_get", "resource", args -> "3 pods running"),
                TestTool.of("restart_pod", "name", args -> {
                    throw new IllegalStateException("pods/web-1 is not found");
                }));
    }

    /** The model runs kubectl_get, then restart_pod (which fails), then answers. */
    private void askedForTwoCalls() {
        llm.thenToolCall("kubectl_get", ARGUMENTS)
                .thenToolCall("restart_pod", "{\"name\":\"web-1\"}")
                .thenText("There are 3 pods; web-1 could not be restarted.");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable each : agents.reversed()) {
            each.close();
        }
        mcp.close();
        llm.close();
    }

    @Test
    void openaisJavaSdkReadsAStreamThatTellsOfEachToolCallAsItStartsAndEnds() throws Exception {
        askedForTwoCalls();
        OpenAIClient client = client(agent(constraints -> constraints));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<JsonNode> reports = new ArrayList<>();
        StringBuilder text = new StringBuilder();

        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(question())) {
            stream.stream().forEach(chunk -> {
                accumulator.accumulate(chunk);
                // what callers of the SDK do with every chunk: each is a valid one, with its choice and delta
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
                report(chunk._allProperties().get(ToolCallEvents.CHUNK_FIELD)).ifPresent(reports::add);
            });
        }

        String answer = "There are 3 pods; web-1 could not be restarted.";
        assertThat(text).hasToString(answer);
        ChatCompletion whole = accumulator.chatCompletion();
        assertThat(whole.choices().getFirst().message().content()).contains(answer);
        assertThat(reports)
                .extracting(report -> report.path(ToolCallEvents.ID).asText()
                        + " " + report.path(ToolCallEvents.TOOL).asText()
                        + " " + report.path(ToolCallEvents.STATE).asText())
                .containsExactly(
                        "call-1 kubectl_get running",
                        "call-1 kubectl_get ok",
                        "call-2 restart_pod running",
                        "call-2 restart_pod error");
        assertThat(reports.getFirst().has(ToolCallEvents.DURATION_MS)).isFalse();
        assertThat(reports.get(1).path(ToolCallEvents.DURATION_MS).isIntegralNumber())
                .isTrue();
        assertThat(reports.get(1).path(ToolCallEvents.ARGUMENTS).asText())
                .isEqualTo("{\"resource\":\"pods\",\"token\":\"<redacted>\"}");
        assertThat(mcp.calls())
                .containsExactly("kubectl_get {resource=pods, token=hunter2}", "restart_pod {name=web-1}");
    }

    @Test
    void aPlainCompletionListsTheCallsThatEndedForOpenaisJavaSdk() throws Exception {
        askedForTwoCalls();
        OpenAIClient client = client(agent(constraints -> constraints));

        ChatCompletion completion = client.chat().completions().create(question());

        assertThat(completion.choices().getFirst().message().content())
                .contains("There are 3 pods; web-1 could not be restarted.");
        JsonNode calls = JSON.valueToTree(
                completion._allProperties().get(ToolCallEvents.COMPLETION_FIELD).convert(Object.class));
        assertThat(calls)
                .extracting(call -> call.path(ToolCallEvents.TOOL).asText() + " "
                        + call.path(ToolCallEvents.STATE).asText())
                .containsExactly("kubectl_get ok", "restart_pod error");
    }

    @Test
    void behindAContentFilterTheEndedCallsComeBeforeTheCheckedText() throws Exception {
        askedForTwoCalls();
        OpenAIClient client = client(agent(constraints -> constraints.blockedTopics("root password")));
        List<String> seen = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(question())) {
            stream.stream().forEach(chunk -> {
                report(chunk._allProperties().get(ToolCallEvents.CHUNK_FIELD))
                        .ifPresent(report ->
                                seen.add(report.path(ToolCallEvents.STATE).asText()));
                chunk.choices()
                        .forEach(choice -> choice.delta()
                                .content()
                                .filter(piece -> !piece.isEmpty())
                                .ifPresent(piece -> seen.add("text")));
            });
        }

        assertThat(seen).startsWith("ok", "error", "text").doesNotContain(ToolCallEvents.RUNNING);
    }

    @Test
    void aCallAPersonDeniedIsToldAsDeniedWhenTheModelAsksForItAgain() throws Exception {
        String web1 = "{\"name\":\"web-1\",\"token\":\"hunter2\"}";
        String web2 = "{\"name\":\"web-2\"}";
        llm.thenToolCall("restart_pod", web1)
                .thenToolCall("restart_pod", web1)
                .thenText("I did not restart web-1.")
                .thenToolCall("restart_pod", web2)
                .thenToolCall("restart_pod", web2)
                .thenText("Nor web-2.");
        ServiceServer agent = agent(
                constraints -> constraints,
                Map.of(
                        AgentEnv.AGENT_LIMITS,
                        "{\"approval\":{\"tools\":[\"restart_pod\"]}}",
                        AgentEnv.AGENT_APPROVAL_TOKEN,
                        APPROVAL_TOKEN));
        OpenAIClient client = client(agent);

        // streamed: the call that waits is not told as a call; denied, the model's new call of it is
        List<JsonNode> waiting = new ArrayList<>();
        List<JsonNode> approvals = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(question())) {
            stream.stream().forEach(chunk -> {
                report(chunk._allProperties().get(ToolCallEvents.CHUNK_FIELD)).ifPresent(waiting::add);
                report(chunk._allProperties().get(AgentApprovals.CHAT_FIELD)).ifPresent(approvals::add);
            });
        }
        assertThat(waiting).isEmpty();
        deny(agent, approvals.getFirst());
        List<JsonNode> reports = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(question())) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
                report(chunk._allProperties().get(ToolCallEvents.CHUNK_FIELD)).ifPresent(reports::add);
            });
        }

        assertThat(text).hasToString("I did not restart web-1.");
        assertThat(reports).singleElement().satisfies(denied -> {
            assertThat(denied.path(ToolCallEvents.TOOL).asText()).isEqualTo("restart_pod");
            assertThat(denied.path(ToolCallEvents.STATE).asText()).isEqualTo(ToolCallEvents.DENIED);
            assertThat(denied.path(ToolCallEvents.ARGUMENTS).asText())
                    .isEqualTo("{\"name\":\"web-1\",\"token\":\"<redacted>\"}");
            assertThat(denied.has(ToolCallEvents.DURATION_MS))
                    .as("it did not run")
                    .isFalse();
        });

        // plain: the same in the completion's list of calls
        ChatCompletion asked = client.chat().completions().create(question());
        assertThat(asked._allProperties()).doesNotContainKey(ToolCallEvents.COMPLETION_FIELD);
        deny(
                agent,
                report(asked._allProperties().get(AgentApprovals.CHAT_FIELD)).orElseThrow());
        ChatCompletion told = client.chat().completions().create(question());

        assertThat(told.choices().getFirst().message().content()).contains("Nor web-2.");
        JsonNode listed = JSON.valueToTree(
                told._allProperties().get(ToolCallEvents.COMPLETION_FIELD).convert(Object.class));
        assertThat(listed)
                .extracting(call -> call.path(ToolCallEvents.TOOL).asText() + " "
                        + call.path(ToolCallEvents.STATE).asText())
                .containsExactly("restart_pod denied");
        assertThat(mcp.calls()).isEmpty();
    }

    private static void deny(ServiceServer agent, JsonNode approval) throws Exception {
        String id = approval.path(AgentApprovals.ID).asText();
        HttpResponse<String> decided = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        agent.uri().resolve(AgentApprovals.PATH + "/" + id + "/" + AgentApprovals.DENY))
                                .header("Authorization", "Bearer " + APPROVAL_TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"alice\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    }

    private static java.util.Optional<JsonNode> report(JsonValue field) {
        return field == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(JSON.valueToTree(field.convert(Object.class)));
    }

    private static ChatCompletionCreateParams question() {
        return ChatCompletionCreateParams.builder()
                .model("helpdesk")
                .addUserMessage("How many pods, and restart web-1")
                .build();
    }

    private static OpenAIClient client(ServiceServer agent) {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + agent.port() + "/v1")
                .apiKey("unused")
                .maxRetries(0)
                .build();
    }

    private ServiceServer agent(UnaryOperator<io.langop.sdk.agent.Constraints.Builder> constraints) throws Exception {
        return agent(constraints, Map.of());
    }

    private ServiceServer agent(
            UnaryOperator<io.langop.sdk.agent.Constraints.Builder> constraints, Map<String, String> more)
            throws Exception {
        var definition = AgentDefinition.builder("helpdesk")
                .persona("You are the platform helpdesk.")
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer questions")
                .constraints(constraints::apply)
                .build();
        Map<String, String> env = new HashMap<>(more);
        env.putAll(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                AgentEnv.MCP_SERVERS,
                mcp.url().toString(),
                ServiceWire.PORT_ENV,
                "0"));
        var runtime = AgentRuntime.connect(AgentConfig.from(env), () -> definition);
        agents.add(runtime);
        ServiceServer server = runtime.serve();
        agents.add(server);
        return server;
    }
}
