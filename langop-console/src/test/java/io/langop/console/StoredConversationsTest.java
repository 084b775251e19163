package io.langop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.console.testing.ConsoleHttp;
import io.langop.console.testing.MutableClock;
import io.langop.memory.redis.RedisServer;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.MemoryBackends;
import io.langop.sdk.memory.spi.MemorySettings;
import io.langop.sdk.memory.spi.Space;
import io.langop.sdk.memory.spi.StoredEntry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code session.backend: redis} against a real Redis (Debian's redis-server, which .ci/run installs; skipped with a
 * message where it is missing): a conversation outlives the console that kept it, so a console started again (or
 * another replica) continues it, the store holds neither the user's name nor the conversation's id, and it is
 * forgotten {@code ttl} after its last change (and then deleted).
 */
class StoredConversationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETTINGS = """
            {"name":"support","namespace":"apps","models":[{"name":"qwen","endpoint":"%s"}],
             "session":{"backend":"redis","backendConfig":{"secretEnv":"SESSION_BACKEND_SECRET"},"ttl":"1h",
                        "cookieConfig":{"secure":false}},
             "authentication":{"enabled":true,"requireAuthentication":true,"allowAnonymous":false,
               "providers":[{"name":"keys","type":"api-key","secretEnv":"AUTH_KEYS_SECRET"}]}}
            """;

    private static RedisServer redis;
    private static ScriptedOpenAiServer llm;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                RedisServer.program() != null,
                "Debian's redis-server is not installed (apt-get install redis-server): skipped");
        redis = RedisServer.start(Files.createTempDirectory("console-redis-"));
        llm = new ScriptedOpenAiServer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (llm != null) {
            llm.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aConversationOutlivesTheConsoleThatKeptItUntilItsTtl() throws Exception {
        llm.thenText("Three pods run.");
        MutableClock clock = new MutableClock();
        try (Console first = console(clock)) {
            ConsoleHttp alice = signedIn(first, "sk-alice");
            HttpResponse<String> answered = alice.postJson(
                    "/api/chat", "{\"conversation\":\"c-1\",\"target\":\"qwen\",\"message\":\"How many pods run?\"}");
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        }
        List<StoredEntry> kept = stored();

        clock.advance(Duration.ofMinutes(50));
        JsonNode again;
        JsonNode stranger;
        try (Console second = console(clock)) {
            again = pageState(signedIn(second, "sk-alice"));
            stranger = pageState(signedIn(second, "sk-bob"));
        }
        clock.advance(Duration.ofMinutes(61));
        JsonNode expired;
        try (Console third = console(clock)) {
            expired = pageState(signedIn(third, "sk-alice"));
        }

        assertThat(kept)
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.key()).startsWith("langop-console/").doesNotContain("alice", "c-1"));
        assertThat(stored()).as("the sweep deleted the expired conversation").isEmpty();
        assertThat(again.path("conversation").asText()).isEqualTo("c-1");
        assertThat(again.path("turns"))
                .extracting(turn -> turn.path("content").asText())
                .containsExactly("How many pods run?", "Three pods run.");
        assertThat(stranger.path("turns")).as("another user's conversation").isEmpty();
        assertThat(expired.path("turns"))
                .as("forgotten an hour after its last change")
                .isEmpty();
    }

    /** What the client's scope of the store holds, read as the console reads it. */
    private static List<StoredEntry> stored() {
        try (MemoryBackend store = MemoryBackends.open(new MemorySettings(
                "redis", redis.url(), "apps/support", Path.of(System.getProperty("java.io.tmpdir"))))) {
            return store.list(Space.STATE, "");
        }
    }

    private static Console console(MutableClock clock) {
        return Console.start(
                ConsoleConfigFile.parse(SETTINGS.formatted(llm.baseUrl())),
                Map.of("AUTH_KEYS_SECRET", "alice:sk-alice\nbob:sk-bob\n", "SESSION_BACKEND_SECRET", redis.url())::get,
                0,
                null,
                null,
                clock);
    }

    private static ConsoleHttp signedIn(Console console, String key) throws Exception {
        ConsoleHttp browser = new ConsoleHttp(console.uri());
        assertThat(browser.postForm("/auth/key", "key", key).statusCode()).isEqualTo(302);
        return browser;
    }

    /** The state the chat page starts from: its conversation's turns, as {@code console.js} reads them. */
    private static JsonNode pageState(ConsoleHttp browser) throws Exception {
        String page = browser.get("/").body();
        int start = page.indexOf('>', page.indexOf("id=\"console-state\"")) + 1;
        return JSON.readTree(page.substring(start, page.indexOf("</script>", start)));
    }
}
