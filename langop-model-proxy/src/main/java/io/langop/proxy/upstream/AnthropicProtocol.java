package io.langop.proxy.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.config.ModelConfig;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.openai.InvalidRequestException;
import io.langop.proxy.openai.Json;
import io.langop.proxy.routing.Endpoint;
import io.langop.proxy.usage.TokenUsage;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Anthropic's Messages API behind the chat completions API: requests, answers, tool calls, streams, errors. */
final class AnthropicProtocol implements Protocol {

    static final AnthropicProtocol INSTANCE = new AnthropicProtocol();

    /** Anthropic requires max_tokens; OpenAI callers often leave it out. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    private AnthropicProtocol() {}

    @Override
    public UpstreamRequest chat(ModelConfig model, Endpoint endpoint, ObjectNode request, boolean stream) {
        ObjectNode messages = AnthropicRequests.toMessages(request, model.upstreamModel(), stream);
        Map<String, String> headers = new LinkedHashMap<>(4);
        headers.put("anthropic-version", model.apiVersion());
        if (endpoint.apiKey() != null) {
            headers.put("x-api-key", endpoint.apiKey());
        }
        return new UpstreamRequest(endpoint.url("/messages"), headers, Json.bytes(messages));
    }

    @Override
    public UpstreamRequest embeddings(ModelConfig model, Endpoint endpoint, ObjectNode request) {
        throw new InvalidRequestException(ApiError.invalidRequest(
                "Model '" + model.name() + "' is an Anthropic model; Anthropic serves no embeddings.",
                "model",
                "unsupported_operation"));
    }

    @Override
    public Answer chatAnswer(byte[] upstreamBody) throws IOException {
        JsonNode message = Json.read(upstreamBody);
        TokenUsage usage = usage(message.path("usage"));
        ObjectNode answer = Json.object();
        answer.put("id", "chatcmpl-" + message.path("id").asText());
        answer.put("object", "chat.completion");
        answer.put("created", Instant.now().getEpochSecond());
        answer.put("model", message.path("model").asText());
        ObjectNode choice = answer.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode reply = choice.putObject("message");
        reply.put("role", "assistant");
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = Json.MAPPER.createArrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> {
                    ObjectNode call = toolCalls.addObject();
                    call.put("id", block.path("id").asText());
                    call.put("type", "function");
                    call.putObject("function")
                            .put("name", block.path("name").asText())
                            .put("arguments", Json.text(block.path("input")));
                }
                default -> {
                    // thinking and other block kinds have no chat completions counterpart
                }
            }
        }
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            reply.putNull("content");
        } else {
            reply.put("content", text.toString());
        }
        if (!toolCalls.isEmpty()) {
            reply.set("tool_calls", toolCalls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(message.path("stop_reason").asText(null)));
        answer.putObject("usage")
                .put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens())
                .put("total_tokens", usage.totalTokens());
        return new Answer(Json.bytes(answer), usage);
    }

    @Override
    public StreamTranslator streamTranslator(boolean clientWantsUsage) {
        return new AnthropicStream(clientWantsUsage);
    }

    @Override
    public ApiError error(int status, byte[] upstreamBody) {
        try {
            JsonNode error = Json.read(upstreamBody).path("error");
            if (error.path("message").isTextual()) {
                return new ApiError(
                        status,
                        error.path("message").asText(),
                        openAiErrorType(error.path("type").asText()),
                        null,
                        error.path("type").asText(null),
                        null);
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the generic message
        }
        return new ApiError(
                status,
                "upstream answered HTTP " + status,
                status >= 500 ? "server_error" : "invalid_request_error",
                null,
                null,
                null);
    }

    static TokenUsage usage(JsonNode usage) {
        // Cached prompt tokens are reported apart from input_tokens; they are still prompt tokens.
        long prompt = usage.path("input_tokens").asLong(0)
                + usage.path("cache_read_input_tokens").asLong(0)
                + usage.path("cache_creation_input_tokens").asLong(0);
        return new TokenUsage(prompt, usage.path("output_tokens").asLong(0));
    }

    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    private static String openAiErrorType(String anthropicType) {
        return switch (anthropicType) {
            case "authentication_error",
                    "permission_error",
                    "invalid_request_error",
                    "not_found_error",
                    "request_too_large" -> "invalid_request_error";
            case "rate_limit_error" -> "requests";
            default -> "server_error";
        };
    }
}
