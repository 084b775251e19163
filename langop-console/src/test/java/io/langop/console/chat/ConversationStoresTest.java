package io.langop.console.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.console.ConsoleConfigFile;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which store {@code session} names when it cannot or must not be a persistent one (a store that is there is
 * StoredConversationsTest's): each of these keeps conversations in memory without reaching for a store.
 */
class ConversationStoresTest {

    @Test
    void keepsConversationsInMemoryWhenPersistenceIsOffNoUrlIsGivenOrTheBackendIsNotOffered() {
        assertThat(open("{\"backend\":\"memory\",\"enablePersistence\":true}", Map.of()))
                .isInstanceOf(InMemoryConversationStore.class);
        assertThat(open(
                        "{\"backend\":\"redis\",\"enablePersistence\":false,\"backendConfig\":{\"secretEnv\":\"URL\"}}",
                        Map.of("URL", "redis://:password@127.0.0.1:1")))
                .as("enablePersistence: false")
                .isInstanceOf(InMemoryConversationStore.class);
        assertThat(open("{\"backend\":\"postgres\",\"backendConfig\":{\"endpoint\":\"pg:5432\"}}", Map.of()))
                .as("an endpoint that is no URL, and no Secret")
                .isInstanceOf(InMemoryConversationStore.class);
        assertThat(open("{\"backend\":\"dynamodb\"}", Map.of())).isInstanceOf(InMemoryConversationStore.class);
    }

    private static ConversationStore open(String session, Map<String, String> variables) {
        return ConversationStores.open(
                ConsoleConfigFile.parse("{\"name\":\"support\",\"namespace\":\"apps\",\"session\":" + session + "}"),
                variables::get,
                Duration.ofHours(1),
                Clock.systemUTC());
    }
}
