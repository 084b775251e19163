package io.langop.agent.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.langop.agent.approval.ApprovalsServlet;
import io.langop.sdk.agent.ConstraintViolationException;
import io.langop.sdk.agent.RunStuckException;
import io.langop.sdk.agent.RunUsage;
import io.langop.sdk.memory.ConversationStore;
import io.langop.sdk.memory.MemoryUnavailableException;
import io.langop.trace.TraceHeaders;
import io.langop.wire.AgentApprovals;
import io.langop.wire.ServiceWire;
import io.langop.wire.ToolCallEvents;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive mode's OpenAI-compatible API: {@code POST /v1/chat/completions} (plain or
 * {@code stream: true} server-sent events) and {@code GET /v1/models}. The only model is the agent
 * itself; the conversation always starts with the agent's persona and may use the agent's tools.
 * With {@code stream: true} the model's text is relayed as it is written, except when the agent has
 * content filters (blocked topics or patterns): those must see the whole answer first, so it is then
 * sent in chunks once complete. Each tool call the agent runs is told in a chunk of its own with an empty delta and
 * the extra field {@link ToolCallEvents#CHUNK_FIELD}, when it starts and when it ends (after the content filters,
 * the ended calls before the text); a plain completion lists them in {@link ToolCallEvents#COMPLETION_FIELD}.
 */
final class ChatCompletionsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where a checked answer is cut into chunks: after each whitespace, so the pieces join back exactly. */
    private static final Pattern AFTER_WHITESPACE = Pattern.compile("(?<=\\s)");

    private final String model;
    private final AgentChat chat;
    private final long created = System.currentTimeMillis() / 1000;

    ChatCompletionsServlet(String model, AgentChat chat) {
        this.model = model;
        this.chat = chat;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/models".equals(request.getPathInfo())) {
            OpenAiErrors.send(
                    response,
                    404,
                    "invalid_request_error",
                    "Unknown path " + request.getRequestURI(),
                    null,
                    "unknown_url");
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("object", "list");
        body.putArray("data")
                .addObject()
                .put("id", model)
                .put("object", "model")
                .put("created", created)
                .put("owned_by", "langop");
        response.setContentType("application/json");
        response.getWriter().write(body.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/chat/completions".equals(request.getPathInfo())) {
            OpenAiErrors.send(
                    response,
                    404,
                    "invalid_request_error",
                    "Unknown path " + request.getRequestURI(),
                    null,
                    "unknown_url");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getInputStream());
        } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
            OpenAiErrors.invalidRequest(
                    response,
                    "We could not parse the JSON body of your request: " + malformed.getOriginalMessage(),
                    null);
            return;
        }
        if (body == null || !body.isObject()) {
            OpenAiErrors.invalidRequest(response, "The request body must be a JSON object.", null);
            return;
        }
        String requestedModel = body.path("model").asText(model);
        if (!requestedModel.equals(model)) {
            OpenAiErrors.send(
                    response,
                    404,
                    "invalid_request_error",
                    "The model '" + requestedModel + "' does not exist; this agent serves '" + model + "'.",
                    "model",
                    "model_not_found");
            return;
        }
        List<ChatMessage> conversation;
        try {
            conversation = conversation(body.path("messages"));
        } catch (IllegalArgumentException invalid) {
            OpenAiErrors.invalidRequest(response, invalid.getMessage(), "messages");
            return;
        }
        Optional<String> session = Optional.ofNullable(request.getHeader(ServiceWire.SESSION_HEADER))
                .map(String::strip)
                .filter(value -> !value.isEmpty());
        try {
            session.ifPresent(ConversationStore::checkSession);
        } catch (IllegalArgumentException invalid) {
            OpenAiErrors.invalidRequest(response, ServiceWire.SESSION_HEADER + ": " + invalid.getMessage(), null);
            return;
        }
        // the turn continues the caller's trace (a chat client that traces), or starts one
        try (Scope traced = TraceHeaders.extract(request::getHeader).makeCurrent()) {
            answer(response, body, session, conversation);
        }
    }

    private void answer(
            HttpServletResponse response, JsonNode body, Optional<String> session, List<ChatMessage> conversation)
            throws IOException {
        String id = "chatcmpl-" + UUID.randomUUID();
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        if (stream && chat.canStream()) {
            streamLive(response, id, session, conversation, includeUsage);
            return;
        }
        AgentChat.Reply reply;
        try {
            reply = chat.reply(session, conversation, null);
        } catch (InterruptedException | RuntimeException failure) {
            sendFailure(response, failure);
            return;
        }
        if (stream) {
            PrintWriter out = startStream(response, id);
            reply.toolCalls().forEach(call -> sendChunk(out, toolCallChunk(id, call)));
            for (String piece : AFTER_WHITESPACE.split(reply.text(), -1)) {
                if (!piece.isEmpty()) {
                    sendChunk(out, chunk(id, JSON.createObjectNode().put("content", piece), null));
                }
            }
            finishStream(out, id, reply, includeUsage);
        } else {
            ObjectNode completion = envelope(id, "chat.completion");
            completion
                    .putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .put("finish_reason", "stop")
                    .putObject("message")
                    .put("role", "assistant")
                    .put("content", reply.text());
            completion.set("usage", usage(reply.usage()));
            if (!reply.toolCalls().isEmpty()) {
                var calls = completion.putArray(ToolCallEvents.COMPLETION_FIELD);
                reply.toolCalls().forEach(call -> calls.add(call.toJson()));
            }
            reply.pending()
                    .ifPresent(
                            approval -> completion.set(AgentApprovals.CHAT_FIELD, ApprovalsServlet.toJson(approval)));
            response.setContentType("application/json");
            response.getWriter().write(completion.toString());
        }
    }

    /** Sends the model's text as it is written; a failure after the first byte becomes an error event. */
    private void streamLive(
            HttpServletResponse response,
            String id,
            Optional<String> session,
            List<ChatMessage> conversation,
            boolean includeUsage)
            throws IOException {
        PrintWriter out = startStream(response, id);
        try {
            AgentChat.Reply reply = chat.reply(session, conversation, new AgentChat.Stream() {
                @Override
                public void text(String piece) {
                    sendChunk(out, chunk(id, JSON.createObjectNode().put("content", piece), null));
                }

                @Override
                public void toolCall(ToolCallReport call) {
                    sendChunk(out, toolCallChunk(id, call));
                }
            });
            finishStream(out, id, reply, includeUsage);
        } catch (InterruptedException | RuntimeException failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Streamed chat request failed: {}", failure.getMessage());
            if (failure instanceof RunStuckException stuck) {
                ProcessExit.end(ExitStatus.RUN_STUCK, "a chat request " + stuck.getMessage());
            }
            ObjectNode error = JSON.createObjectNode();
            error.putObject("error")
                    .put("message", failure.getMessage())
                    .put("type", "server_error")
                    .putNull("param")
                    .put("code", errorCode(failure));
            sendChunk(out, error);
            out.write("data: [DONE]\n\n");
            out.flush();
        }
    }

    private void sendFailure(HttpServletResponse response, Exception failure) throws IOException {
        switch (failure) {
            case ConstraintViolationException violation -> {
                LOG.warn("Chat request refused: {}", violation.getMessage());
                int status = switch (violation.kind()) {
                    case BLOCKED_CONTENT -> 400;
                    case RATE_LIMIT, TOKEN_BUDGET, COST_BUDGET -> 429;
                    case MAX_ITERATIONS, TOOL_CALLS, TIMEOUT, APPROVAL -> 500;
                };
                String type =
                        status == 400 ? "invalid_request_error" : status == 429 ? "rate_limit_error" : "server_error";
                OpenAiErrors.send(response, status, type, violation.getMessage(), null, "constraint_violated");
            }
            case RunStuckException stuck -> {
                OpenAiErrors.send(
                        response,
                        503,
                        "server_error",
                        "The request " + stuck.getMessage() + "; the agent restarts.",
                        null,
                        "run_stuck");
                ProcessExit.end(ExitStatus.RUN_STUCK, "a chat request " + stuck.getMessage());
            }
            case MemoryUnavailableException down -> {
                LOG.error("Chat request failed: {}", down.getMessage());
                OpenAiErrors.send(response, 503, "server_error", down.getMessage(), null, "memory_unavailable");
            }
            case InterruptedException interrupted -> {
                Thread.currentThread().interrupt();
                OpenAiErrors.send(response, 503, "server_error", "The agent is shutting down.", null, null);
            }
            default -> {
                LOG.error("Chat request failed: {}", failure.getMessage());
                OpenAiErrors.send(
                        response,
                        502,
                        "server_error",
                        "The agent's model or tools failed: " + failure.getMessage(),
                        null,
                        null);
            }
        }
    }

    private static String errorCode(Exception failure) {
        return switch (failure) {
            case ConstraintViolationException violation -> "constraint_violated";
            case RunStuckException stuck -> "run_stuck";
            case MemoryUnavailableException down -> "memory_unavailable";
            default -> null;
        };
    }

    private PrintWriter startStream(HttpServletResponse response, String id) throws IOException {
        // without a charset the servlet writer encodes ISO-8859-1; OpenAI's streams are UTF-8
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        PrintWriter out = response.getWriter();
        sendChunk(
                out, chunk(id, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        return out;
    }

    /** The stop chunk (with the approval the answer waits for, if any), the usage when asked for, the end. */
    private void finishStream(PrintWriter out, String id, AgentChat.Reply reply, boolean includeUsage) {
        ObjectNode stop = chunk(id, JSON.createObjectNode(), "stop");
        reply.pending().ifPresent(approval -> stop.set(AgentApprovals.CHAT_FIELD, ApprovalsServlet.toJson(approval)));
        sendChunk(out, stop);
        if (includeUsage) {
            ObjectNode usageChunk = envelope(id, "chat.completion.chunk");
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(reply.usage()));
            sendChunk(out, usageChunk);
        }
        out.write("data: [DONE]\n\n");
        out.flush();
    }

    private ObjectNode chunk(String id, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope(id, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    /** A chunk that adds nothing to the answer (an empty delta) and tells of a tool call in its extra field. */
    private ObjectNode toolCallChunk(String id, ToolCallReport call) {
        ObjectNode chunk = chunk(id, JSON.createObjectNode(), null);
        chunk.set(ToolCallEvents.CHUNK_FIELD, call.toJson());
        return chunk;
    }

    private static void sendChunk(PrintWriter out, ObjectNode chunk) {
        out.write("data: " + chunk + "\n\n");
        out.flush();
    }

    private ObjectNode envelope(String id, String object) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("object", object)
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", model);
    }

    private static ObjectNode usage(RunUsage usage) {
        return JSON.createObjectNode()
                .put("prompt_tokens", usage.inputTokens())
                .put("completion_tokens", usage.outputTokens())
                .put("total_tokens", usage.totalTokens());
    }

    /** Converts OpenAI messages; tool messages are refused because the agent runs its own tools. */
    private static List<ChatMessage> conversation(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty array.");
        }
        List<ChatMessage> conversation = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String text = text(message.path("content"), i);
            conversation.add(
                    switch (message.path("role").asText("")) {
                        case "system", "developer" -> SystemMessage.from(text);
                        case "user" -> UserMessage.from(text);
                        case "assistant" -> AiMessage.from(text);
                        case "tool" ->
                            throw new IllegalArgumentException(
                                    "messages[" + i + "]: role 'tool' is not accepted; the agent calls its own tools.");
                        default ->
                            throw new IllegalArgumentException(
                                    "messages[" + i + "].role must be one of system, developer, user, assistant.");
                    });
        }
        return conversation;
    }

    private static String text(JsonNode content, int index) {
        if (content.isNull() || content.isMissingNode()) {
            return ""; // an assistant turn that only called tools
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText())) {
                    throw new IllegalArgumentException(
                            "messages[" + index + "].content: only text parts are supported.");
                }
                text.append(part.path("text").asText());
            }
            return text.toString();
        }
        throw new IllegalArgumentException(
                "messages[" + index + "].content must be a string or an array of text parts.");
    }
}
