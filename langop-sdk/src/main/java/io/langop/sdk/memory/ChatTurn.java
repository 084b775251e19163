package io.langop.sdk.memory;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One message of a conversation. The id makes appending safe to retry: a turn stored twice (an append
 * that reached the store although its answer was lost) is read back once.
 *
 * @param role {@code user}, {@code assistant} or {@code system}
 */
public record ChatTurn(String id, String role, String text, Instant at) {

    private static final Set<String> ROLES = Set.of("user", "assistant", "system");

    public ChatTurn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("a turn's role is one of " + ROLES + ", not '" + role + "'");
        }
    }

    public static ChatTurn user(String text) {
        return of("user", text);
    }

    public static ChatTurn assistant(String text) {
        return of("assistant", text);
    }

    public static ChatTurn of(String role, String text) {
        return new ChatTurn(UUID.randomUUID().toString(), role, text, Instant.now());
    }
}
