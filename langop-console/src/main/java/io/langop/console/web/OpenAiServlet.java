package io.langop.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.console.auth.Access;
import io.langop.console.auth.User;
import io.langop.console.chat.ChatRefusal;
import io.langop.console.chat.ChatService;
import io.langop.console.chat.ChatTarget;
import io.langop.console.chat.ChatTargets;
import io.langop.console.chat.UpstreamChat;
import io.langop.wire.ClientWire;
import io.langop.wire.ToolCallEvents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /v1}: the OpenAI-compatible API for programs, behind the page's authentication (an API key or an
 * issuer's JWT as bearer token; anonymous where allowed) and its limits and moderation. {@code GET /v1/models}
 * lists the targets; {@code POST /v1/chat/completions} answers with the target named by {@code model}, streamed
 * ({@code stream: true}) as the upstream writes it, or whole. It keeps no history: the request carries it.
 */
public final class OpenAiServlet extends CorsServlet {

    private final ChatTargets targets;
    private final ChatService chat;
    private final Visitors visitors;

    public OpenAiServlet(ChatTargets targets, ChatService chat, Access access, CorsPolicy cors) {
        super(cors);
        this.targets = targets;
        this.chat = chat;
        this.visitors = new Visitors(access);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/models".equals(request.getPathInfo())) {
            OpenAiJson.sendError(
                    response, new ChatRefusal(404, "unknown_url", "Unknown path " + request.getRequestURI()));
            return;
        }
        if (user(request, response).isEmpty()) {
            return;
        }
        ObjectNode body = OpenAiJson.mapper().createObjectNode().put("object", "list");
        var data = body.putArray("data");
        for (ChatTarget target : targets.all()) {
            data.addObject()
                    .put("id", target.id())
                    .put("object", "model")
                    .put("created", 0)
                    .put("owned_by", target.kind() == ChatTarget.Kind.AGENT ? "langop-agent" : "langop-model");
        }
        response.setContentType("application/json;charset=utf-8");
        response.getWriter().write(body.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/chat/completions".equals(request.getPathInfo())) {
            OpenAiJson.sendError(
                    response, new ChatRefusal(404, "unknown_url", "Unknown path " + request.getRequestURI()));
            return;
        }
        Optional<User> user = user(request, response);
        if (user.isEmpty()) {
            return;
        }
        if (!Visitors.bearer(request) && !cors.mayActWithCookie(request)) {
            OpenAiJson.sendError(response, new ChatRefusal(403, "cross_site", "This origin may not use the console."));
            return;
        }
        ObjectNode body;
        ChatTarget target;
        StringBuilder userText = new StringBuilder();
        try {
            body = body(request);
            target = targets.find(body.path("model").asText(null))
                    .orElseThrow(() -> new ChatRefusal(
                            404,
                            "model_not_found",
                            "The model '" + body.path("model").asText("") + "' does not exist; GET /v1/models"
                                    + " lists what this console offers."));
            for (JsonNode message : body.path("messages")) {
                if ("user".equals(message.path("role").asText())) {
                    userText.append(text(message.path("content"))).append('\n');
                }
            }
        } catch (ChatRefusal refused) {
            OpenAiJson.sendError(response, refused);
            return;
        }
        boolean stream = body.path("stream").asBoolean(false);
        EventStream events = EventStream.forPrograms(response);
        try {
            if (stream) {
                // passed through as the upstream wrote them, its usage chunk included (the console asks for it)
                chat.converse(user.get(), target, body, userText.toString(), events);
                events.done();
            } else {
                HeldNotice notice = new HeldNotice();
                UpstreamChat.Answer answer = chat.converse(user.get(), target, body, userText.toString(), notice);
                if (answer.error() != null) {
                    throw new ChatRefusal(502, "upstream_error", target.label() + " failed: " + answer.error());
                }
                ObjectNode completion = completion(target, answer);
                if (notice.message != null) {
                    completion.putObject(ClientWire.NOTICE_FIELD).put("message", notice.message);
                }
                response.setContentType("application/json;charset=utf-8");
                response.getWriter().write(completion.toString());
            }
        } catch (ChatRefusal refused) {
            events.refuse(refused);
        }
    }

    private Optional<User> user(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = visitors.of(request);
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            OpenAiJson.sendError(
                    response,
                    new ChatRefusal(
                            401, "invalid_api_key", "Sign in: send an API key or a token as 'Authorization: Bearer'."));
        }
        return user;
    }

    private static ObjectNode body(HttpServletRequest request) throws IOException {
        JsonNode body;
        try {
            body = OpenAiJson.mapper().readTree(request.getInputStream());
        } catch (JsonProcessingException malformed) {
            throw new ChatRefusal(
                    400,
                    "invalid_json",
                    "We could not parse the JSON body of your request: " + malformed.getOriginalMessage());
        }
        if (body == null
                || !body.isObject()
                || !body.path("messages").isArray()
                || body.path("messages").isEmpty()) {
            throw new ChatRefusal(
                    400, "invalid_request", "The body must be a JSON object with a non-empty 'messages' array.");
        }
        return (ObjectNode) body;
    }

    /** A message's text: a string, or the text parts of an array. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.path("text").asText("")).append(' ');
        }
        return text.toString();
    }

    private static ObjectNode completion(ChatTarget target, UpstreamChat.Answer answer) {
        ObjectNode completion = OpenAiJson.mapper()
                .createObjectNode()
                .put("id", "chatcmpl-" + UUID.randomUUID())
                .put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", target.id());
        completion
                .putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", "stop")
                .putObject("message")
                .put("role", "assistant")
                .put("content", answer.text());
        completion
                .putObject("usage")
                .put("prompt_tokens", answer.promptTokens())
                .put("completion_tokens", answer.completionTokens())
                .put("total_tokens", answer.totalTokens());
        if (!answer.toolCalls().isEmpty()) {
            completion.putArray(ToolCallEvents.COMPLETION_FIELD).addAll(answer.toolCalls());
        }
        return completion;
    }

    /** A plain completion's listener: the chunks are gathered into the answer; a notice is kept for the body. */
    private static final class HeldNotice implements ChatService.Listener {

        private String message;

        @Override
        public void event(String json) {}

        @Override
        public void notice(String text) {
            message = text;
        }
    }
}
