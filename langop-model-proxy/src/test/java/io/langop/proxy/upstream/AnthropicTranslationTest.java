package io.langop.proxy.upstream;

import static io.langop.proxy.testing.ProxyFixture.json;
import static io.langop.proxy.testing.ProxyFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import io.langop.sdk.llm.StreamCollector;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnthropicTranslationTest {

    private static final ToolSpecification WEATHER = ToolSpecification.builder()
            .name("get_weather")
            .description("Current weather in a city")
            .parameters(JsonObjectSchema.builder()
                    .addStringProperty("city")
                    .required("city")
                    .build())
            .build();

    private static final String TOOL_USE_ANSWER = """
      {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
       "content":[{"type":"text","text":"Let me check."},
                  {"type":"tool_use","id":"toolu_01","name":"get_weather","input":{"city":"Paris"}}],
       "stop_reason":"tool_use","stop_sequence":null,
       "usage":{"input_tokens":120,"output_tokens":30,"cache_read_input_tokens":5}}
      """;

    @TempDir
    Path dir;

    final ScriptedUpstream anthropic = new ScriptedUpstream(Behaviour.json(200, TOOL_USE_ANSWER));
    ProxyFixture proxy;

    @BeforeEach
    void start() {
        proxy = new ProxyFixture(dir, """
        models:
          - name: claude
            provider: anthropic
            upstreamModel: claude-sonnet-4-5
            endpoints: [{url: "%s"}]
            retry: {maxAttempts: 1}
        """.formatted(anthropic.baseUrl()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        anthropic.close();
    }

    private OpenAiChatModel client() {
        return OpenAiChatModel.builder()
                .baseUrl(proxy.openAiBaseUrl())
                .apiKey("unused")
                .modelName("claude")
                .maxRetries(0)
                .build();
    }

    @Test
    void translatesAToolCallingRoundTrip() {
        ChatResponse first = client().chat(ChatRequest.builder()
                .messages(SystemMessage.from("You are terse."), UserMessage.from("Weather in Paris?"))
                .toolSpecifications(WEATHER)
                .build());

        JsonNode sent = parse(anthropic.requests().getFirst().body());
        assertThat(anthropic.requests().getFirst().uri().getPath()).isEqualTo("/v1/messages");
        assertThat(anthropic.requests().getFirst().header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(sent.path("system").asText()).isEqualTo("You are terse.");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(sent.path("messages")).hasSize(1);
        assertThat(sent.path("messages")
                        .get(0)
                        .path("content")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("Weather in Paris?");
        assertThat(sent.path("tools").get(0).path("name").asText()).isEqualTo("get_weather");
        assertThat(sent.path("tools")
                        .get(0)
                        .path("input_schema")
                        .path("required")
                        .get(0)
                        .asText())
                .isEqualTo("city");

        AiMessage reply = first.aiMessage();
        assertThat(reply.text()).isEqualTo("Let me check.");
        assertThat(reply.toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("toolu_01");
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(parse(call.arguments()).path("city").asText()).isEqualTo("Paris");
        });
        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(first.tokenUsage().inputTokenCount()).isEqualTo(125);
        assertThat(first.tokenUsage().outputTokenCount()).isEqualTo(30);

        anthropic.always(Behaviour.json(200, """
        {"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5",
         "content":[{"type":"text","text":"Sunny, 21 C."}],"stop_reason":"end_turn",
         "usage":{"input_tokens":160,"output_tokens":8}}
        """));
        ToolExecutionRequest call = reply.toolExecutionRequests().getFirst();
        ChatResponse second = client().chat(ChatRequest.builder()
                .messages(
                        UserMessage.from("Weather in Paris?"),
                        reply,
                        ToolExecutionResultMessage.from(call, "sunny, 21"))
                .toolSpecifications(WEATHER)
                .build());

        JsonNode followUp = parse(anthropic.requests().get(1).body()).path("messages");
        assertThat(followUp).hasSize(3);
        assertThat(followUp.get(1).path("role").asText()).isEqualTo("assistant");
        JsonNode toolUse = followUp.get(1).path("content").get(1);
        assertThat(toolUse.path("type").asText()).isEqualTo("tool_use");
        assertThat(toolUse.path("id").asText()).isEqualTo("toolu_01");
        assertThat(toolUse.path("input").path("city").asText()).isEqualTo("Paris");
        JsonNode toolResult = followUp.get(2).path("content").get(0);
        assertThat(followUp.get(2).path("role").asText()).isEqualTo("user");
        assertThat(toolResult.path("type").asText()).isEqualTo("tool_result");
        assertThat(toolResult.path("tool_use_id").asText()).isEqualTo("toolu_01");
        assertThat(toolResult.path("content").asText()).isEqualTo("sunny, 21");
        assertThat(second.aiMessage().text()).isEqualTo("Sunny, 21 C.");
        assertThat(second.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void translatesAStreamWithTextAndAToolCall() throws Exception {
        anthropic.always(Behaviour.sse(
                Duration.ofMillis(5),
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_03\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"usage\":{\"input_tokens\":50,"
                        + "\"output_tokens\":1}}}",
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "event: ping\ndata: {\"type\":\"ping\"}",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Checking \"}}",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"now.\"}}",
                "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}",
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,"
                        + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_09\",\"name\":\"get_weather\",\"input\":{}}}",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
                        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\": \"}}",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
                        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"Oslo\\\"}\"}}",
                "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}",
                "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":22}}",
                "event: message_stop\ndata: {\"type\":\"message_stop\"}"));
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(proxy.openAiBaseUrl())
                .apiKey("unused")
                .modelName("claude")
                .build();
        StreamCollector stream = new StreamCollector();

        model.chat(
                ChatRequest.builder()
                        .messages(UserMessage.from("Weather in Oslo?"))
                        .toolSpecifications(WEATHER)
                        .build(),
                stream);

        ChatResponse response = stream.response(Duration.ofSeconds(10));
        assertThat(String.join("", stream.pieces())).isEqualTo("Checking now.");
        assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("toolu_09");
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(parse(call.arguments()).path("city").asText()).isEqualTo("Oslo");
        });
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(parse(anthropic.requests().getFirst().body()).path("stream").asBoolean())
                .isTrue();
        JsonNode usage = proxy.usage().path("models").path("claude");
        assertThat(usage.path("promptTokens").asLong()).isEqualTo(50);
        assertThat(usage.path("completionTokens").asLong()).isEqualTo(22);
    }

    @Test
    void mapsAnthropicErrorsToOpenAiErrors() {
        anthropic.always(Behaviour.json(400, """
        {"type":"error","error":{"type":"invalid_request_error","message":"messages: roles must alternate"}}
        """));

        HttpResponse<String> response = proxy.post(
                "/v1/chat/completions", "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("message").asText()).isEqualTo("messages: roles must alternate");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void refusesEmbeddingsForAnthropicModels() {
        HttpResponse<String> response = proxy.post("/v1/embeddings", "{\"model\":\"claude\",\"input\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").asText()).contains("Anthropic serves no embeddings");
        assertThat(anthropic.requests()).isEmpty();
    }
}
