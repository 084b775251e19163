package io.langop.console.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Conversations in this process's memory, by user, each forgotten {@code ttl} after its last change. A request
 * touches its user's conversations only: an expired one is never returned, and the sweep that frees the memory
 * of all expired ones runs at most once a {@link #SWEEP_INTERVAL} rather than on every request, whose cost would
 * grow with the number of conversations kept.
 */
public final class InMemoryConversationStore implements ConversationStore {

    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, Map<String, Conversation>> byUser = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep;
    private final Duration ttl;
    private final Clock clock;

    public InMemoryConversationStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
    }

    @Override
    public Optional<Conversation> find(String user, String id) {
        Instant oldest = sweepIfDue();
        return Optional.ofNullable(byUser.getOrDefault(user, Map.of()).get(id))
                .filter(conversation -> !conversation.updated().isBefore(oldest));
    }

    @Override
    public Optional<Conversation> latest(String user) {
        Instant oldest = sweepIfDue();
        return byUser.getOrDefault(user, Map.of()).values().stream()
                .filter(conversation -> !conversation.updated().isBefore(oldest))
                .max(Comparator.comparing(Conversation::updated));
    }

    @Override
    public void save(Conversation conversation) {
        sweepIfDue();
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

    /** @return the oldest last change that is still alive */
    private Instant sweepIfDue() {
        Instant now = clock.instant();
        Instant due = nextSweep.get();
        if (!now.isBefore(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            sweep(now.minus(ttl));
        }
        return now.minus(ttl);
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
