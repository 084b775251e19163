package io.langop.proxy.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.openai.Json;
import io.langop.proxy.usage.TokenUsage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages API stream events → chat completion chunks: text deltas become {@code content}, tool_use blocks
 * become {@code tool_calls} (name first, then argument fragments), message_delta carries the finish reason.
 */
final class AnthropicStream implements StreamTranslator {

    private final boolean clientWantsUsage;
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private String id = "chatcmpl-anthropic";
    private String model = "";
    private final long created = Instant.now().getEpochSecond();
    private long promptTokens;
    private long completionTokens;
    /** Whether message_delta reported the answer's output tokens, which message_start only begins to count. */
    private boolean outputReported;
    /** Content deltas passed on: what a stream that breaks off before its usage has delivered. */
    private long deltas;

    private boolean finished;

    AnthropicStream(boolean clientWantsUsage) {
        this.clientWantsUsage = clientWantsUsage;
    }

    @Override
    public List<byte[]> translate(String event, byte[] data) {
        JsonNode payload;
        try {
            payload = Json.read(data);
        } catch (IOException e) {
            return List.of();
        }
        if (payload == null) {
            return List.of(); // an empty data field
        }
        String type = payload.path("type").asText(event == null ? "" : event);
        return switch (type) {
            case "message_start" -> {
                JsonNode message = payload.path("message");
                id = "chatcmpl-" + message.path("id").asText();
                model = message.path("model").asText();
                TokenUsage usage = AnthropicProtocol.usage(message.path("usage"));
                promptTokens = usage.promptTokens();
                completionTokens = usage.completionTokens();
                ObjectNode chunk = chunk();
                delta(chunk).put("role", "assistant").put("content", "");
                yield List.of(Json.bytes(chunk));
            }
            case "content_block_start" -> {
                JsonNode block = payload.path("content_block");
                if (!"tool_use".equals(block.path("type").asText())) {
                    yield List.of();
                }
                int toolIndex = toolIndexByBlock.size();
                toolIndexByBlock.put(payload.path("index").asInt(), toolIndex);
                ObjectNode chunk = chunk();
                ObjectNode call = delta(chunk).putArray("tool_calls").addObject();
                call.put("index", toolIndex)
                        .put("id", block.path("id").asText())
                        .put("type", "function");
                call.putObject("function")
                        .put("name", block.path("name").asText())
                        .put("arguments", "");
                yield List.of(Json.bytes(chunk));
            }
            case "content_block_delta" -> {
                JsonNode delta = payload.path("delta");
                ObjectNode chunk = chunk();
                switch (delta.path("type").asText()) {
                    case "text_delta" ->
                        delta(chunk).put("content", delta.path("text").asText());
                    case "input_json_delta" -> {
                        Integer toolIndex =
                                toolIndexByBlock.get(payload.path("index").asInt());
                        if (toolIndex == null) {
                            yield List.of();
                        }
                        delta(chunk)
                                .putArray("tool_calls")
                                .addObject()
                                .put("index", toolIndex)
                                .putObject("function")
                                .put("arguments", delta.path("partial_json").asText());
                    }
                    default -> {
                        yield List.of();
                    }
                }
                deltas++;
                yield List.of(Json.bytes(chunk));
            }
            case "message_delta" -> {
                JsonNode usage = payload.path("usage");
                if (usage.has("output_tokens")) {
                    completionTokens = usage.path("output_tokens").asLong();
                    outputReported = true;
                }
                if (usage.has("input_tokens")) {
                    promptTokens = AnthropicProtocol.usage(usage).promptTokens();
                }
                ObjectNode chunk = chunk();
                ((ObjectNode) chunk.path("choices").get(0))
                        .put(
                                "finish_reason",
                                AnthropicProtocol.finishReason(payload.path("delta")
                                        .path("stop_reason")
                                        .asText(null)));
                yield List.of(Json.bytes(chunk));
            }
            case "message_stop" -> {
                finished = true;
                List<byte[]> out = new ArrayList<>(2);
                if (clientWantsUsage) {
                    ObjectNode chunk = chunk();
                    chunk.putArray("choices");
                    chunk.putObject("usage")
                            .put("prompt_tokens", promptTokens)
                            .put("completion_tokens", completionTokens)
                            .put("total_tokens", promptTokens + completionTokens);
                    out.add(Json.bytes(chunk));
                }
                out.add(DONE);
                yield out;
            }
            case "error" -> {
                ObjectNode error = Json.object();
                error.putObject("error")
                        .put("message", payload.path("error").path("message").asText("upstream error"))
                        .put("type", "server_error")
                        .put("code", payload.path("error").path("type").asText(null));
                yield List.of(Json.bytes(error));
            }
            default -> List.of(); // ping and future event kinds
        };
    }

    @Override
    public TokenUsage usage(long estimatedPromptTokens) {
        return new TokenUsage(
                promptTokens > 0 ? promptTokens : estimatedPromptTokens,
                // Without message_delta's count (the stream broke off before it), one token per delta passed on.
                outputReported ? completionTokens : Math.max(completionTokens, deltas));
    }

    @Override
    public boolean finished() {
        return finished;
    }

    private ObjectNode chunk() {
        ObjectNode chunk = Json.object();
        chunk.put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return chunk;
    }

    private static ObjectNode delta(ObjectNode chunk) {
        return (ObjectNode) chunk.path("choices").get(0).get("delta");
    }
}
