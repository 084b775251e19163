package io.langop.sdk.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Conversation history per session: an interactive agent keeps each client's conversation here (the
 * client names it with the {@code X-Langop-Session} header), so it survives a restart of the agent. Only
 * the last {@link MemoryLimits#maxTurns()} turns of a session are kept (the LanguageAgent's
 * {@code memoryStore.retentionPolicy.maxMessages}, 200 by default).
 */
public final class ConversationStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BackendCalls calls;
    private final MemoryLimits limits;

    ConversationStore(BackendCalls calls, MemoryLimits limits) {
        this.calls = calls;
        this.limits = limits;
    }

    /**
     * @return {@code session} when it can name a conversation
     * @throws IllegalArgumentException saying why it cannot
     */
    public static String checkSession(String session) {
        return MemoryKeys.check("session id", session);
    }

    /** The session's turns, oldest first; empty for a session never seen. */
    public List<ChatTurn> history(String session) {
        MemoryKeys.check("session id", session);
        List<String> stored = calls.call(
                "reading conversation '" + session + "'", () -> calls.backend().turns(session));
        Set<String> seen = new HashSet<>();
        List<ChatTurn> turns = new ArrayList<>();
        for (String line : stored) {
            ChatTurn turn = decode(session, line);
            if (seen.add(turn.id())) {
                turns.add(turn);
            }
        }
        return turns;
    }

    public void append(String session, ChatTurn... turns) {
        append(session, List.of(turns));
    }

    public void append(String session, List<ChatTurn> turns) {
        MemoryKeys.check("session id", session);
        if (turns.isEmpty()) {
            return;
        }
        List<String> encoded = new ArrayList<>();
        for (ChatTurn turn : turns) {
            int bytes = turn.text().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limits.maxTurnBytes()) {
                throw new IllegalArgumentException("a turn of conversation '" + session + "' is " + bytes
                        + " bytes; a turn holds at most " + limits.maxTurnBytes());
            }
            encoded.add(encode(turn));
        }
        calls.run(
                "appending to conversation '" + session + "'",
                () -> calls.backend().appendTurns(session, encoded, limits.maxTurns()));
    }

    /** Forgets a session. @return whether it had turns */
    public boolean clear(String session) {
        MemoryKeys.check("session id", session);
        return calls.call(
                "clearing conversation '" + session + "'", () -> calls.backend().deleteTurns(session));
    }

    private static String encode(ChatTurn turn) {
        return JSON.createObjectNode()
                .put("id", turn.id())
                .put("role", turn.role())
                .put("text", turn.text())
                .put("at", turn.at().toString())
                .toString();
    }

    private static ChatTurn decode(String session, String line) {
        try {
            JsonNode turn = JSON.readTree(line);
            return new ChatTurn(
                    turn.path("id").asText(),
                    turn.path("role").asText(),
                    turn.path("text").asText(),
                    Instant.parse(turn.path("at").asText()));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            throw new IllegalStateException(
                    "conversation '" + session + "' holds a turn that is not one: " + unreadable.getMessage());
        }
    }
}
