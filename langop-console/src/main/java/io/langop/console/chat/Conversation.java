package io.langop.console.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One conversation of one user with one target, its turns oldest first. */
public record Conversation(String user, String id, String target, List<Turn> turns, Instant updated) {

    public enum Role {
        USER,
        ASSISTANT
    }

    public record Turn(Role role, String content, Instant at) {}

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
