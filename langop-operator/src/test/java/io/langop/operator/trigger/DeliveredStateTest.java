package io.langop.operator.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.langop.operator.harness.ApiRequests;
import io.langop.operator.harness.MockApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The state ConfigMap's writes against the mock API server: deliveries noted in a burst are written together, at most
 * once per interval; the last ones are written when the forwarding closes; a refused write is tried again; a slow
 * write holds back no note of a delivery.
 */
class DeliveredStateTest {

    private static final String NS = "noisy";
    private static final MockApiServer API = MockApiServer.startEmpty();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();
    private static final OwnerReference OWNER = new OwnerReferenceBuilder()
            .withApiVersion("langop.io/v1alpha1")
            .withKind("LanguageAgent")
            .withName("pager")
            .withUid("agent-uid")
            .withController(true)
            .build();

    @AfterAll
    static void stop() {
        TIMER.shutdownNow();
        API.close();
    }

    @Test
    void deliveriesNotedInABurstAreWrittenAtMostOncePerInterval() throws Exception {
        DeliveredState state = started("burst-triggers", Duration.ofMillis(300));
        int mark = API.requests().mark();

        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            state.seen("events", "uid-" + i, new DeliveredState.Seen("event-" + i, Integer.toString(i)));
            state.saveSoon();
            Thread.sleep(10);
        }
        long burstMillis = (System.nanoTime() - started) / 1_000_000;
        await().atMost(Duration.ofSeconds(5))
                .until(() -> stored("burst-triggers").getData().get("events").contains("\"uid-49\""));

        List<ApiRequests.Request> writes = stateWrites(mark, "burst-triggers");
        assertThat(writes)
                .as("50 deliveries in %d ms, written at most once per 300 ms", burstMillis)
                .hasSizeBetween(1, (int) (burstMillis / 300) + 2);
        for (int i = 1; i < writes.size(); i++) {
            assertThat(writes.get(i).nanoTime() - writes.get(i - 1).nanoTime())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(290).toNanos());
        }
    }

    @Test
    void closingWritesWhatWasNotedSinceTheLastWriteAtOnce() throws Exception {
        DeliveredState state = started("closing-triggers", Duration.ofHours(1));
        int mark = API.requests().mark();

        state.seen("events", "uid-late", new DeliveredState.Seen("late", "7"));
        state.saveSoon();
        Thread.sleep(200);
        assertThat(stateWrites(mark, "closing-triggers"))
                .as("within the interval")
                .isEmpty();
        state.close();

        assertThat(stateWrites(mark, "closing-triggers")).hasSize(1);
        assertThat(stored("closing-triggers").getData().get("events")).contains("\"uid-late\"");
    }

    @Test
    void aRefusedWriteIsTriedAgainAnIntervalLaterWithoutAnotherDelivery() throws Exception {
        DeliveredState state = started("refused-triggers", Duration.ofMillis(200));
        int mark = API.requests().mark();

        try (var refusal = API.refuse("PUT", "/configmaps/refused-triggers", 500, "InternalError", "etcd is away")) {
            state.seen("events", "uid-1", new DeliveredState.Seen("first", "1"));
            state.saveSoon();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> stateWrites(mark, "refused-triggers").size() >= 2);
        }

        await().atMost(Duration.ofSeconds(5))
                .until(() -> stored("refused-triggers").getData().get("events").contains("\"uid-1\""));
        state.close();
    }

    @Test
    void notingADeliveryNeverWaitsForAWriteInFlight() throws Exception {
        DeliveredState state = started("slow-triggers", Duration.ofHours(1));
        state.seen("events", "uid-1", new DeliveredState.Seen("first", "1"));
        int mark = API.requests().mark();
        Thread writer;
        try (var slow = API.stall("PUT", "/configmaps/slow-triggers", Duration.ofSeconds(2))) {
            writer = Thread.ofVirtual().start(state::save);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !stateWrites(mark, "slow-triggers").isEmpty());

            // what an informer's thread does for a change: it must not wait for the API server's answer
            long started = System.nanoTime();
            state.seen("events", "uid-2", new DeliveredState.Seen("second", "2"));
            state.saveSoon();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("noting while a write waits 2 s for its answer")
                    .isLessThan(Duration.ofSeconds(1));
        }
        writer.join(Duration.ofSeconds(10));
        state.close();
        assertThat(stored("slow-triggers").getData().get("events")).contains("\"uid-1\"", "\"uid-2\"");
    }

    /** A state with one trigger's entry, as a watch starts it, written once. */
    private static DeliveredState started(String name, Duration interval) {
        DeliveredState state = DeliveredState.load(
                API.client(),
                NS,
                name,
                Map.of("app", "test"),
                OWNER,
                new DeliveredState.WriteCoalescing(TIMER, interval));
        state.startWatching("events", "{}", Map.of());
        state.save();
        return state;
    }

    private static List<ApiRequests.Request> stateWrites(int mark, String name) {
        return API.requests().writesSince(mark).stream()
                .filter(request ->
                        request.method().equals("PUT") && request.path().contains("/configmaps/" + name))
                .toList();
    }

    private static ConfigMap stored(String name) {
        return API.client().configMaps().inNamespace(NS).withName(name).get();
    }
}
