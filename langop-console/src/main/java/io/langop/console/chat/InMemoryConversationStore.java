package io.langop.console.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversations in this process's memory, by user, each forgotten {@code ttl} after its last change. A request
 * touches its user's conversations only: an expired one is never returned, and the sweep that frees the memory
 * of all expired ones runs at most once a {@link Expiry#SWEEP_INTERVAL} rather than on every request, whose cost would
 * grow with the number of conversations kept.
 */
public final class InMemoryConversationStore implements ConversationStore {

    private final Map<String, Map<String, Conversation>> byUser = new ConcurrentHashMap<>();
    private final Expiry expiry;

    public InMemoryConversationStore(Duration ttl, Clock clock) {
        this.expiry = new Expiry(ttl, clock, clock.instant().plus(Expiry.SWEEP_INTERVAL));
    }

    @Override
    public Optional<Conversation> find(String user, String id) {
        Instant oldest = expiry.oldestAlive(this::sweep);
        return Optional.ofNullable(byUser.getOrDefault(user, Map.of()).get(id))
                .filter(conversation -> !conversation.updated().isBefore(oldest));
    }

    @Override
    public Optional<Conversation> latest(String user) {
        Instant oldest = expiry.oldestAlive(this::sweep);
        return byUser.getOrDefault(user, Map.of()).values().stream()
                .filter(conversation -> !conversation.updated().isBefore(oldest))
                .max(Comparator.comparing(Conversation::updated));
    }

    @Override
    public void save(Conversation conversation) {
        expiry.oldestAlive(this::sweep);
        // inside compute: a sweep removing the user's emptied map at the same time cannot lose this conversation
        byUser.compute(conversation.user(), (user, conversations) -> {
            Map<String, Conversation> kept = conversations == null ? new ConcurrentHashMap<>() : conversations;
            kept.put(conversation.id(), conversation);
            return kept;
        });
    }

    /** The conversations held in memory, expired ones included until the next sweep. */
    public int size() {
        return byUser.values().stream().mapToInt(Map::size).sum();
    }

    private void sweep(Instant oldest) {
        for (String user : byUser.keySet()) {
            byUser.computeIfPresent(user, (key, conversations) -> {
                conversations
                        .values()
                        .removeIf(conversation -> conversation.updated().isBefore(oldest));
                return conversations.isEmpty() ? null : conversations;
            });
        }
    }
}
