package io.langop.console.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.wire.AgentApprovals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One conversation of one user with one target, its turns oldest first. */
public record Conversation(String user, String id, String target, List<Turn> turns, Instant updated) {

    public enum Role {
        USER,
        ASSISTANT
    }

    /**
     * One message.
     *
     * @param toolCalls an agent's reports of the tool calls it ran for this answer ({@code ToolCallEvents}), oldest
     *     first; the page shows them again when it is loaded
     * @param waiting the tool call this answer stopped at, waiting for a person's approval; null when none
     */
    public record Turn(Role role, String content, Instant at, List<JsonNode> toolCalls, WaitingCall waiting) {

        public Turn {
            toolCalls = List.copyOf(toolCalls);
        }

        public static Turn user(String content, Instant at) {
            return new Turn(Role.USER, content, at, List.of(), null);
        }

        public static Turn assistant(String content, Instant at, List<JsonNode> toolCalls, WaitingCall waiting) {
            return new Turn(Role.ASSISTANT, content, at, toolCalls, waiting);
        }
    }

    /**
     * A tool call that waited for approval when the answer ended: the agent ({@code target}) that asked, and its
     * approval as the agent sent it (id, tool, redacted arguments, state, deadline). Its state then is history: the
     * agent's approval endpoint knows the current one.
     */
    public record WaitingCall(String target, JsonNode approval) {

        public String id() {
            return approval.path(AgentApprovals.ID).asText();
        }
    }

    public Conversation {
        turns = List.copyOf(turns);
    }

    public static Conversation start(String user, String id, String target, Instant now) {
        return new Conversation(user, id, target, List.of(), now);
    }

    /** This conversation with {@code added} at its end, keeping the last {@code maxTurns} turns. */
    public Conversation with(List<Turn> added, String target, int maxTurns, Instant now) {
        List<Turn> all = new ArrayList<>(turns);
        all.addAll(added);
        return new Conversation(user, id, target, all.subList(Math.max(0, all.size() - maxTurns), all.size()), now);
    }
}
