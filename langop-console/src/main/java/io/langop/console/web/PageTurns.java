package io.langop.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.console.approval.ApprovalDesk;
import io.langop.console.auth.User;
import io.langop.console.chat.Conversation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation's turns as a page that is loaded (again) shows them: each message, the tool calls the agent ran for
 * an answer, and the tool call an answer stopped at with its approval as the agent knows it now — still pending (with
 * Approve and Deny for a user who may decide), decided meanwhile, or no longer known to the agent. So a reload, or a
 * conversation taken up again later, loses no approval card.
 */
final class PageTurns {

    /** The state of an approval the agent no longer lists (restarted, or decided long ago): nothing to decide. */
    static final String UNKNOWN = "unknown";

    private final ApprovalDesk desk;
    private final User user;
    private final boolean showToolCalls;
    /** The approvals of each agent now, asked once per page. */
    private final Map<String, Optional<Map<String, JsonNode>>> current = new HashMap<>();

    private PageTurns(ApprovalDesk desk, User user, boolean showToolCalls) {
        this.desk = desk;
        this.user = user;
        this.showToolCalls = showToolCalls;
    }

    /** @param showToolCalls whether the page shows the tool calls of answers ({@code features.showToolUsage}) */
    static ArrayNode of(Conversation conversation, User user, ApprovalDesk desk, boolean showToolCalls) {
        return new PageTurns(desk, user, showToolCalls).turns(conversation);
    }

    private ArrayNode turns(Conversation conversation) {
        ArrayNode turns = OpenAiJson.mapper().createArrayNode();
        for (Conversation.Turn turn : conversation.turns()) {
            ObjectNode json = turns.addObject()
                    .put("role", turn.role() == Conversation.Role.USER ? "user" : "assistant")
                    .put("content", turn.content())
                    .put("at", turn.at().toString());
            if (showToolCalls && !turn.toolCalls().isEmpty()) {
                json.putArray("toolCalls").addAll(turn.toolCalls());
            }
            if (turn.waiting() != null) {
                Conversation.WaitingCall waiting = turn.waiting();
                json.set(
                        "approval",
                        EventStream.approvalEvent(
                                waiting.target(), now(waiting), desk.mayDecide(user, waiting.target())));
            }
        }
        return turns;
    }

    /** The approval as the agent lists it now; as it was when the agent cannot say. */
    private JsonNode now(Conversation.WaitingCall waiting) {
        Optional<Map<String, JsonNode>> listed = current.computeIfAbsent(waiting.target(), desk::current);
        if (listed.isEmpty()) {
            return waiting.approval();
        }
        JsonNode approval = listed.get().get(waiting.id());
        if (approval != null) {
            return approval;
        }
        ObjectNode forgotten = waiting.approval().deepCopy();
        return forgotten.put("state", UNKNOWN);
    }
}
