package io.langop.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.console.approval.ApprovalDesk;
import io.langop.console.auth.Access;
import io.langop.console.auth.User;
import io.langop.console.chat.ChatRefusal;
import io.langop.console.chat.ChatService;
import io.langop.console.chat.ChatTarget;
import io.langop.console.chat.ChatTargets;
import io.langop.console.chat.Conversation;
import io.langop.console.chat.ConversationStore;
import io.langop.console.chat.UpstreamChat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /api/chat}, the page's chat: {@code {conversation, target, message}} from a signed-in (or anonymous)
 * browser session; the answer streams back as server-sent events (the upstream's OpenAI chunks) and the turn is
 * kept in the user's conversation, of which the last {@code session.maxMessagesPerSession} messages go upstream.
 * An agent's answer that waits for a tool call's approval ends with an {@code approval} event (see
 * {@link EventStream#approval}) that the page shows with buttons when the user may decide. The agent's reports of
 * the tool calls it ran, and the call the answer waits for, are kept with the answer's turn: the page shows them
 * again when it is loaded ({@link PageServlet}).
 */
public final class ChatApiServlet extends CorsServlet {

    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** A message longer than this is refused before anything is sent on. */
    static final int MAX_MESSAGE_CHARS = 32_000;

    private final ChatTargets targets;
    private final ChatService chat;
    private final ConversationStore conversations;
    private final Access access;
    private final ApprovalDesk approvals;
    private final int maxTurns;
    private final Clock clock;

    public ChatApiServlet(
            ChatTargets targets,
            ChatService chat,
            ConversationStore conversations,
            Access access,
            ApprovalDesk approvals,
            CorsPolicy cors,
            int maxTurns,
            Clock clock) {
        super(cors);
        this.approvals = approvals;
        this.targets = targets;
        this.chat = chat;
        this.conversations = conversations;
        this.access = access;
        this.maxTurns = maxTurns;
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/chat".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        Optional<User> user = access.user(request);
        if (user.isEmpty()) {
            OpenAiJson.sendError(response, new ChatRefusal(401, "signed_out", "Your session ended: sign in again."));
            return;
        }
        if (!cors.mayActWithCookie(request)) {
            OpenAiJson.sendError(response, new ChatRefusal(403, "cross_site", "This origin may not use the console."));
            return;
        }
        EventStream events = EventStream.forPage(response);
        try {
            JsonNode body = body(request);
            ChatTarget target = targets.find(body.path("target").asText(null))
                    .orElseThrow(() -> new ChatRefusal(400, "unknown_target", "Pick someone to talk to."));
            String id = body.path("conversation").asText("");
            String message = body.path("message").asText("").strip();
            if (!CONVERSATION_ID.matcher(id).matches() || message.isEmpty() || message.length() > MAX_MESSAGE_CHARS) {
                throw new ChatRefusal(
                        400, "invalid_request", "Write a message of at most " + MAX_MESSAGE_CHARS + " characters.");
            }
            Conversation conversation = conversations
                    .find(user.get().id(), id)
                    .orElseGet(() -> Conversation.start(user.get().id(), id, target.id(), clock.instant()));
            Conversation.Turn asked = Conversation.Turn.user(message, clock.instant());
            ObjectNode upstream = OpenAiJson.mapper().createObjectNode();
            ArrayNode messages = upstream.putArray("messages");
            for (Conversation.Turn turn : recent(conversation.turns())) {
                messages.addObject().put("role", role(turn)).put("content", turn.content());
            }
            messages.addObject().put("role", "user").put("content", message);
            UpstreamChat.Answer answer = chat.converse(user.get(), target, upstream, message, events);
            if (answer.approval() != null) {
                events.approval(target.id(), answer.approval(), approvals.mayDecide(user.get(), target.id()));
            }
            if (answer.error() == null) {
                conversations.save(conversation.with(
                        List.of(
                                asked,
                                Conversation.Turn.assistant(
                                        answer.text(),
                                        clock.instant(),
                                        answer.toolCalls(),
                                        answer.approval() == null
                                                ? null
                                                : new Conversation.WaitingCall(target.id(), answer.approval()))),
                        target.id(),
                        maxTurns,
                        clock.instant()));
            }
            events.done();
        } catch (ChatRefusal refused) {
            events.refuse(refused);
        }
    }

    /** The turns that fit beside the new message, starting with a user's: models expect the user to open. */
    private List<Conversation.Turn> recent(List<Conversation.Turn> turns) {
        List<Conversation.Turn> window = turns.subList(Math.max(0, turns.size() - (maxTurns - 1)), turns.size());
        return !window.isEmpty() && window.getFirst().role() == Conversation.Role.ASSISTANT
                ? window.subList(1, window.size())
                : window;
    }

    private static String role(Conversation.Turn turn) {
        return turn.role() == Conversation.Role.USER ? "user" : "assistant";
    }

    private static JsonNode body(HttpServletRequest request) throws IOException {
        try {
            JsonNode body = OpenAiJson.mapper().readTree(request.getInputStream());
            if (body == null || !body.isObject()) {
                throw new ChatRefusal(400, "invalid_request", "The body must be a JSON object.");
            }
            return body;
        } catch (JsonProcessingException malformed) {
            throw new ChatRefusal(400, "invalid_json", "The body is not JSON.");
        }
    }
}
