package io.langop.console.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.console.ConsoleConfigFile;
import io.langop.wire.AgentApprovals;
import io.langop.wire.ToolCallEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One streamed chat completion from a target's OpenAI-compatible endpoint (an agent or a model proxy): each
 * server-sent event's JSON is handed on as it arrives, and the answer's text and token usage are gathered on the
 * way. A refusal before the stream (an HTTP error) becomes a {@link ChatRefusal} with the upstream's status and
 * message; an error event inside the stream is handed on like any other event and recorded in the answer. An agent's
 * reports of its tool calls ride in ordinary chunks ({@link ToolCallEvents#CHUNK_FIELD}) and are handed on with them.
 */
public final class UpstreamChat {

    private static final ObjectMapper JSON = ConsoleConfigFile.json();

    /** Receives each event's JSON; throwing stops the stream (the browser went away). */
    @FunctionalInterface
    public interface Events {
        void event(String json) throws IOException;
    }

    /**
     * The whole answer: its text, the upstream's token counts (0 when it sent none), the error it ended with, the
     * approval of a tool call an agent's answer waits for ({@link AgentApprovals#CHAT_FIELD}; null when none), and the
     * reports of the tool calls an agent ran for it that ended ({@link ToolCallEvents}), oldest first.
     */
    public record Answer(
            String text,
            long promptTokens,
            long completionTokens,
            String error,
            JsonNode approval,
            List<JsonNode> toolCalls) {

        public Answer {
            toolCalls = List.copyOf(toolCalls);
        }

        public long totalTokens() {
            return promptTokens + completionTokens;
        }
    }

    private final HttpClient http;
    private final Duration answerTimeout;

    /** @param answerTimeout how long the upstream may take to start answering (agents run tools first) */
    public UpstreamChat(HttpClient http, Duration answerTimeout) {
        this.http = http;
        this.answerTimeout = answerTimeout;
    }

    public Answer stream(ChatTarget target, ObjectNode body, Events events) throws IOException {
        body.put("model", target.id()).put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        HttpRequest request = HttpRequest.newBuilder(target.completions())
                .timeout(answerTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            throw ChatRefusal.unreachable(target.label(), unreachable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatRefusal(503, "shutting_down", "the console is stopping");
        }
        try (InputStream stream = response.body()) {
            if (response.statusCode() != 200) {
                throw refusal(target, response.statusCode(), new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            }
            return read(stream, events);
        }
    }

    private static Answer read(InputStream stream, Events events) throws IOException {
        StringBuilder text = new StringBuilder();
        long prompt = 0;
        long completion = 0;
        String error = null;
        JsonNode approval = null;
        List<JsonNode> toolCalls = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            if (!line.startsWith("data:")) {
                continue; // blank separators, comments, event names
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                // Read on to the response's end, which follows: a stream closed before it cannot go back to the
                // client's pool, and every turn would then open a new connection to the upstream.
                lines.transferTo(Writer.nullWriter());
                break;
            }
            JsonNode event = parse(data);
            if (event == null) {
                continue;
            }
            for (JsonNode choice : event.path("choices")) {
                text.append(choice.path("delta").path("content").asText(""));
            }
            JsonNode usage = event.path("usage");
            if (usage.isObject()) {
                prompt = usage.path("prompt_tokens").asLong(prompt);
                completion = usage.path("completion_tokens").asLong(completion);
            }
            JsonNode call = event.path(ToolCallEvents.CHUNK_FIELD);
            if (call.isObject()
                    && !ToolCallEvents.RUNNING.equals(
                            call.path(ToolCallEvents.STATE).asText())) {
                toolCalls.add(call);
            }
            if (event.path(AgentApprovals.CHAT_FIELD).isObject()) {
                approval = event.get(AgentApprovals.CHAT_FIELD);
            }
            if (event.has("error")) {
                error = event.path("error").path("message").asText("the upstream failed");
            }
            events.event(data);
        }
        return new Answer(text.toString(), prompt, completion, error, approval, toolCalls);
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static ChatRefusal refusal(ChatTarget target, int status, String body) {
        JsonNode error = parse(body);
        String message =
                error == null ? "" : error.path("error").path("message").asText("");
        String code = error == null ? null : error.path("error").path("code").asText(null);
        int relayed = status == 400 || status == 429 ? status : 502;
        return new ChatRefusal(
                relayed,
                code == null ? "upstream_error" : code,
                target.label() + " answered HTTP " + status + (message.isEmpty() ? "" : ": " + message));
    }
}
