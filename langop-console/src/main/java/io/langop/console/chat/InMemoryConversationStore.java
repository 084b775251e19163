package io.langop.console.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Conversations in this process's memory, each forgotten {@code ttl} after its last change. */
public final class InMemoryConversationStore implements ConversationStore {

    private record Key(String user, String id) {}

    private final Map<Key, Conversation> conversations = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public InMemoryConversationStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<Conversation> find(String user, String id) {
        forgetExpired();
        return Optional.ofNullable(conversations.get(new Key(user, id)));
    }

    @Override
    public Optional<Conversation> latest(String user) {
        forgetExpired();
        return conversations.values().stream()
                .filter(conversation -> conversation.user().equals(user))
                .max(Comparator.comparing(Conversation::updated));
    }

    @Override
    public void save(Conversation conversation) {
        conversations.put(new Key(conversation.user(), conversation.id()), conversation);
    }

    public int size() {
        forgetExpired();
        return conversations.size();
    }

    private void forgetExpired() {
        Instant oldest = clock.instant().minus(ttl);
        conversations.values().removeIf(conversation -> conversation.updated().isBefore(oldest));
    }
}
