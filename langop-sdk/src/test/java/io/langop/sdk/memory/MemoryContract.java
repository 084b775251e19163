package io.langop.sdk.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.retry.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every memory backend does, held against each through the agent-facing API: a backend's test extends
 * this and says how to open it (and, for a server, how to stop and start it). Each test works in a scope of
 * its own, so the server may be shared by the tests of a class.
 */
public abstract class MemoryContract {

    /** Short enough for a fast suite, long enough to outlast a server's restart on a loaded machine. */
    protected static final Backoff TEST_RETRIES = new Backoff(10, Duration.ofMillis(100), Duration.ofSeconds(1));

    private static final Duration A_DAY = Duration.ofDays(1);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final String scope = "test/" + UUID.randomUUID().toString().substring(0, 8);

    /** Opens the backend under test for {@code scope} (a fresh scope per test). */
    protected abstract MemoryBackend open(String scope);

    /** The store's server, which the restart tests stop and start; null for a store without one (the workspace). */
    protected RestartableServer server() {
        return null;
    }

    /** A secret of the connection string that must never show in an error message (null: none). */
    protected String secretInTheUrl() {
        return null;
    }

    /**
     * Whether the test's server decides between concurrent claims; a backend whose test server checks a condition and
     * then writes (S3Proxy) says no, and the claim race is not run against it.
     */
    protected boolean serverClaimsAtomically() {
        return true;
    }

    /** How a test's memory retries; a server slower to restart than {@link #TEST_RETRIES} allows says so here. */
    protected Backoff retries() {
        return TEST_RETRIES;
    }

    protected Memory memory() {
        return memory(scope, retries());
    }

    protected Memory memory(String scope, Backoff retries) {
        Memory memory = new Memory(open(scope), MemoryLimits.DEFAULT.withMaxTurns(4), retries);
        opened.add(memory);
        return memory;
    }

    /** The backend itself, for what the runtime uses and agent code cannot reach (claims). */
    protected MemoryBackend backend(String scope) {
        MemoryBackend backend = open(scope);
        opened.add(backend);
        return backend;
    }

    @AfterEach
    void closeMemories() throws Exception {
        for (AutoCloseable memory : opened) {
            memory.close();
        }
    }

    @Test
    void aClaimIsItsFirstOwnersAndItsOwnerMayTakeItAgain() {
        MemoryBackend first = backend(scope);
        MemoryBackend second = backend(scope); // another replica

        assertThat(first.claim("delivery-1", "pod-a/1", A_DAY)).isTrue();
        assertThat(second.claim("delivery-1", "pod-b/2", A_DAY)).isFalse();
        assertThat(second.claim("delivery-1", "pod-a/1", A_DAY))
                .as("the owner claiming again: a retry whose answer was lost, or a restarted process")
                .isTrue();
        assertThat(second.claim("delivery-2", "pod-b/2", A_DAY)).isTrue();
        assertThat(first.claim("delivery-2", "pod-a/1", A_DAY)).isFalse();
    }

    @Test
    void anExpiredClaimIsFreeToTake() throws Exception {
        MemoryBackend backend = backend(scope);
        assertThat(backend.claim("short", "pod-a", Duration.ofMillis(300))).isTrue();
        assertThat(backend.claim("short", "pod-b", A_DAY)).isFalse();

        Thread.sleep(400);

        assertThat(backend.claim("short", "pod-b", A_DAY)).isTrue();
        assertThat(backend.claim("short", "pod-a", A_DAY)).isFalse();
    }

    @Test
    void claimsAreNeitherValuesNorSharedBetweenAgents() {
        Memory memory = memory();
        assertThat(backend(scope).claim("delivery", "pod-a", A_DAY)).isTrue();

        assertThat(memory.state().keys("")).isEmpty();
        assertThat(memory.documents().list("")).isEmpty();
        assertThat(memory.state().get("delivery")).isEmpty();
        assertThat(backend(scope + "-other").claim("delivery", "pod-b", A_DAY)).isTrue();
    }

    @Test
    void ofManyReplicasClaimingAtOnceExactlyOneWins() throws Exception {
        assumeThat(serverClaimsAtomically())
                .as("the test server decides between concurrent claims")
                .isTrue();
        int replicas = 8;
        List<MemoryBackend> backends =
                IntStream.range(0, replicas).mapToObj(i -> backend(scope)).toList();
        try (var threads = Executors.newFixedThreadPool(replicas)) {
            for (int round = 0; round < 5; round++) {
                String name = "delivery-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> claims = IntStream.range(0, replicas)
                        .mapToObj(i -> threads.submit(() -> {
                            start.await();
                            return backends.get(i).claim(name, "pod-" + i, A_DAY);
                        }))
                        .toList();
                start.countDown();
                int winners = 0;
                for (Future<Boolean> claim : claims) {
                    winners += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners of " + name).isEqualTo(1);
            }
        }
    }

    @Test
    void stateKeepsTheLastValuePutUnderAKey() {
        KeyValueStore state = memory().state();

        assertThat(state.get("cursor")).isEmpty();
        state.put("cursor", "41");
        state.put("cursor", "42 – zweiundvierzig ✓");

        assertThat(state.get("cursor")).contains("42 – zweiundvierzig ✓");
        assertThat(state.get("other", "fallback")).isEqualTo("fallback");
    }

    @Test
    void stateListsKeysByPrefixInOrderWithoutTheRuntimesOwn() {
        Memory memory = memory();
        memory.recordSuccessfulRun(Instant.parse("2026-12-06T05:00:00Z"));
        KeyValueStore state = memory.state();
        state.put("seen/b", "2");
        state.put("seen/a:1@x=y+z_w.v-u", "1");
        state.put("unseen", "3");

        assertThat(state.keys("seen/")).containsExactly("seen/a:1@x=y+z_w.v-u", "seen/b");
        assertThat(state.keys("")).containsExactly("seen/a:1@x=y+z_w.v-u", "seen/b", "unseen");
        assertThat(state.get("seen/a:1@x=y+z_w.v-u")).contains("1");
    }

    @Test
    void deletingSaysWhetherTheKeyWasThere() {
        KeyValueStore state = memory().state();
        state.put("gone", "x");

        assertThat(state.delete("gone")).isTrue();
        assertThat(state.delete("gone")).isFalse();
        assertThat(state.get("gone")).isEmpty();
    }

    @Test
    void documentsKeepTheirBytesAndContentType() {
        DocumentStore documents = memory().documents();
        byte[] binary = new byte[300_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        documents.put("reports/2026-12-06.md", "text/markdown; charset=utf-8", "# Report\n\nÄrger: keiner");
        documents.put("images/chart.bin", "application/octet-stream", binary);

        assertThat(documents.get("reports/2026-12-06.md").orElseThrow().text()).isEqualTo("# Report\n\nÄrger: keiner");
        Document chart = documents.get("images/chart.bin").orElseThrow();
        assertThat(chart.contentType()).isEqualTo("application/octet-stream");
        assertThat(chart.content()).isEqualTo(binary);
        assertThat(documents.get("missing")).isEmpty();
    }

    @Test
    void documentsAreListedByPrefixWithTypeAndSize() {
        DocumentStore documents = memory().documents();
        documents.put("reports/b.json", "application/json", "{\"b\":2}");
        documents.put("reports/a.md", "text/markdown", "# a");
        documents.put("other.txt", "text/plain", "x");
        documents.put("reports/a.md", "text/markdown", "# a, again");

        assertThat(documents.list("reports/"))
                .containsExactly(
                        new DocumentInfo("reports/a.md", "text/markdown", "# a, again".length()),
                        new DocumentInfo("reports/b.json", "application/json", 7));
        assertThat(documents.delete("reports/a.md")).isTrue();
        assertThat(documents.list("")).extracting(DocumentInfo::key).containsExactly("other.txt", "reports/b.json");
    }

    @Test
    void aConversationKeepsItsLastTurnsInOrder() {
        ConversationStore conversations = memory().conversations();
        for (int i = 1; i <= 3; i++) {
            conversations.append("alice", ChatTurn.user("question " + i), ChatTurn.assistant("answer " + i));
        }
        conversations.append("bob", ChatTurn.user("hello"));

        assertThat(conversations.history("alice"))
                .extracting(ChatTurn::text)
                .containsExactly("question 2", "answer 2", "question 3", "answer 3");
        assertThat(conversations.history("bob")).extracting(ChatTurn::role).containsExactly("user");
        assertThat(conversations.clear("alice")).isTrue();
        assertThat(conversations.history("alice")).isEmpty();
        assertThat(conversations.clear("alice")).isFalse();
    }

    @Test
    void aTurnAppendedTwiceIsReadOnce() {
        ConversationStore conversations = memory().conversations();
        ChatTurn question = ChatTurn.user("once");
        conversations.append("s", question);
        conversations.append("s", question); // a retried append whose first answer was lost

        assertThat(conversations.history("s")).containsExactly(question);
    }

    @Test
    void theLastSuccessfulRunIsRemembered() {
        Memory memory = memory();
        assertThat(memory.lastSuccessfulRun()).isEmpty();

        memory.recordSuccessfulRun(Instant.parse("2026-12-06T05:00:00.123Z"));

        assertThat(memory.lastSuccessfulRun()).contains(Instant.parse("2026-12-06T05:00:00.123Z"));
    }

    @Test
    void agentsSharingAStoreDoNotSeeEachOthersMemory() {
        Memory mine = memory();
        Memory theirs = memory(scope + "-other", retries());
        mine.state().put("k", "mine");
        mine.documents().put("d", "text/plain", "mine");
        mine.conversations().append("s", ChatTurn.user("mine"));

        assertThat(theirs.state().get("k")).isEmpty();
        assertThat(theirs.state().keys("")).isEmpty();
        assertThat(theirs.documents().list("")).isEmpty();
        assertThat(theirs.conversations().history("s")).isEmpty();
    }

    @Test
    void whatWasWrittenIsThereForTheNextProcess() {
        Memory first = memory();
        first.state().put("seen", "a\nb");
        first.documents().put("report.md", "text/markdown", "# kept");
        first.conversations().append("s", ChatTurn.user("remember me"));
        first.close();

        Memory next = memory();

        assertThat(next.state().get("seen")).contains("a\nb");
        assertThat(next.documents().get("report.md").orElseThrow().text()).isEqualTo("# kept");
        assertThat(next.conversations().history("s")).extracting(ChatTurn::text).containsExactly("remember me");
    }

    @Test
    void nothingWrittenIsLostWhenTheServerRestarts() throws Exception {
        assumeThat(server()).as("a backend with a server").isNotNull();
        Memory memory = memory();
        memory.state().put("before", "1");
        memory.documents().put("before.md", "text/markdown", "# before");

        server().stop();
        CompletableFuture<Void> writtenWhileDown = CompletableFuture.runAsync(() -> {
            memory.state().put("during", "2");
            memory.conversations().append("s", ChatTurn.user("during"));
        });
        Thread.sleep(300); // the writes are failing and being retried now
        assertThat(writtenWhileDown).isNotDone();
        server().restart();
        writtenWhileDown.get(30, TimeUnit.SECONDS);

        assertThat(memory.state().get("before")).contains("1");
        assertThat(memory.documents().get("before.md").orElseThrow().text()).isEqualTo("# before");
        assertThat(memory.state().get("during")).contains("2");
        assertThat(memory.conversations().history("s"))
                .extracting(ChatTurn::text)
                .containsExactly("during");
    }

    @Test
    void aServerThatStaysDownIsAClearErrorWithoutCredentials() throws Exception {
        assumeThat(server()).as("a backend with a server").isNotNull();
        Memory memory = memory(scope, new Backoff(2, Duration.ofMillis(50), Duration.ofMillis(50)));
        memory.state().put("reachable", "yes");
        server().stop();
        try {
            assertThatThrownBy(() -> memory.state().put("k", "v"))
                    .isInstanceOf(MemoryUnavailableException.class)
                    .hasMessageContaining(
                            "memory store " + memory.description() + " is unavailable (writing state 'k')")
                    .hasMessageContaining("gave up after 2 attempts")
                    .satisfies(failure -> {
                        if (secretInTheUrl() != null) {
                            assertThat(failure.getMessage()).doesNotContain(secretInTheUrl());
                        }
                    });
        } finally {
            server().restart();
        }
    }

    @Test
    void keysAndSizesAreCheckedTheSameWayForEveryBackend() {
        Memory memory = memory();

        assertThatThrownBy(() -> memory.state().put("../escape", "x")).hasMessageContaining("is not a valid key");
        assertThatThrownBy(() -> memory.state().put("a//b", "x")).hasMessageContaining("is not a valid key");
        assertThatThrownBy(() -> memory.state().put("k", "x".repeat(64 * 1024 + 1)))
                .hasMessageContaining("at most 65536");
        assertThatThrownBy(() -> memory.documents().put("big", "text/plain", new byte[5 * 1024 * 1024 + 1]))
                .hasMessageContaining("at most 5242880 bytes");
        assertThatThrownBy(() -> memory.documents().put("d", "not a type", "x"))
                .hasMessageContaining("is not a content type");
        assertThat(memory.state().keys("")).isEmpty();
        String longest = "k".repeat(MemoryKeys.MAX_LENGTH - 2) + "/x";
        memory.state().put(longest, "fits");
        assertThat(memory.state().get(longest)).contains("fits");
        assertThat(new String(longest.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .hasSize(MemoryKeys.MAX_LENGTH);
    }
}
