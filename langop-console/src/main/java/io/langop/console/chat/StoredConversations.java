package io.langop.console.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.langop.proxy.config.KeyDigests;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.Space;
import io.langop.sdk.memory.spi.StoredEntry;
import io.langop.sdk.memory.spi.StoredValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversations kept in a memory store of the memory work ({@code session.backend} {@code redis} or {@code postgres},
 * through {@link MemoryBackend}), so that they outlive the console's process and every replica sees them. Each is one
 * JSON value under {@code langop-console/<user>/<conversation>} (both hashed: a key allows few characters, and the
 * store need not hold who the users are). A conversation not changed for {@code ttl} is never returned; the sweep
 * that deletes such ones runs at most once a {@link Expiry#SWEEP_INTERVAL}, as {@link InMemoryConversationStore}'s does.
 */
public final class StoredConversations implements ConversationStore, AutoCloseable {

    private static final String PREFIX = "langop-console/";
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final MemoryBackend store;
    private final Expiry expiry;

    public StoredConversations(MemoryBackend store, Duration ttl, Clock clock) {
        this.store = store;
        // a console that starts sweeps first: what expired while none ran is deleted then
        this.expiry = new Expiry(ttl, clock, clock.instant());
    }

    @Override
    public Optional<Conversation> find(String user, String id) {
        Instant oldest = expiry.oldestAlive(this::sweep);
        return read(key(user, id))
                .filter(conversation -> alive(conversation, oldest)
                        && conversation.user().equals(user)
                        && conversation.id().equals(id));
    }

    @Override
    public Optional<Conversation> latest(String user) {
        Instant oldest = expiry.oldestAlive(this::sweep);
        return store.list(Space.STATE, PREFIX + KeyDigests.sha256Hex(user) + "/").stream()
                .map(entry -> read(entry.key()))
                .flatMap(Optional::stream)
                .filter(conversation ->
                        alive(conversation, oldest) && conversation.user().equals(user))
                .max(Comparator.comparing(Conversation::updated));
    }

    @Override
    public void save(Conversation conversation) {
        expiry.oldestAlive(this::sweep);
        try {
            store.put(
                    Space.STATE,
                    key(conversation.user(), conversation.id()),
                    new StoredValue(JSON.writeValueAsBytes(conversation), JSON_TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a conversation always has a JSON form", e);
        }
    }

    @Override
    public void close() {
        store.close();
    }

    public String description() {
        return store.description();
    }

    private Optional<Conversation> read(String key) {
        return store.get(Space.STATE, key).map(value -> {
            try {
                return JSON.readValue(value.content(), Conversation.class);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "conversation " + key + " in " + store.description() + " cannot be read: " + e.getMessage(), e);
            }
        });
    }

    private static boolean alive(Conversation conversation, Instant oldest) {
        return !conversation.updated().isBefore(oldest);
    }

    private void sweep(Instant oldest) {
        for (StoredEntry entry : store.list(Space.STATE, PREFIX)) {
            read(entry.key())
                    .filter(conversation -> !alive(conversation, oldest))
                    .ifPresent(expired -> store.delete(Space.STATE, entry.key()));
        }
    }

    private static String key(String user, String id) {
        return PREFIX + KeyDigests.sha256Hex(user) + "/" + KeyDigests.sha256Hex(Objects.requireNonNull(id, "id"));
    }
}
