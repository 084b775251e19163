package io.langop.console.chat;

import java.util.Optional;

/**
 * Where conversations live between requests ({@code session.backend}). {@link InMemoryConversationStore} is the
 * {@code memory} backend; a persistent backend implements the same three calls. A store forgets a conversation
 * {@code session.ttl} after its last change; a user only ever sees their own.
 */
public interface ConversationStore {

    Optional<Conversation> find(String user, String id);

    /** The user's most recently changed conversation, which a fresh page continues. */
    Optional<Conversation> latest(String user);

    void save(Conversation conversation);
}
