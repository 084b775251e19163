package io.langop.agent.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.langop.sdk.memory.workspace.WorkspaceBackend;
import io.langop.sdk.retry.Backoff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {

    @TempDir
    Path directory;

    private static EventJournal.Offer offer(EventJournal journal, String delivery, int number) {
        return journal.offer(
                Optional.ofNullable(delivery),
                "webhook",
                JsonNodeFactory.instance.objectNode().put("n", number),
                Map.of());
    }

    @Test
    void anEventWhoseRunsEndTheProcessIsDroppedAfterThreeAttempts() throws Exception {
        offer(EventJournal.open(directory, 10, 100), "poison", 1);
        offer(EventJournal.open(directory, 10, 100), "fine", 2);

        for (int attempt = 1; attempt <= EventJournal.MAX_ATTEMPTS; attempt++) {
            EventJournal restarted = EventJournal.open(directory, 10, 100);
            assertThat(restarted.take().attempt()).isEqualTo(attempt); // the run ends the process: no done()
        }
        EventJournal last = EventJournal.open(directory, 10, 100);

        EventJournal.Pending next = last.take();
        assertThat(next.event().payload().path("n").asInt())
                .as("the poison event is dropped")
                .isEqualTo(2);
        last.done(next);
        assertThat(last.pending()).isZero();
        assertThat(offer(EventJournal.open(directory, 10, 100), "poison", 1))
                .as("a dropped event's delivery counts as delivered")
                .isInstanceOf(EventJournal.Offer.Duplicate.class);
    }

    /** Two replicas' journals and the store they share (here a workspace both reach, as a Redis would be). */
    private DeliveryClaims sharedClaims() {
        return new StoreDeliveryClaims(new WorkspaceBackend(directory.resolve("store")), Backoff.MEMORY);
    }

    @Test
    void aDeliveryBothReplicasKeptRunsOnTheOneThatClaimsItFirst() throws Exception {
        DeliveryClaims store = sharedClaims();
        EventJournal first = EventJournal.open(directory.resolve("pod-1"), 10, 100, store);
        EventJournal second = EventJournal.open(directory.resolve("pod-2"), 10, 100, store);
        offer(first, "same", 1);
        offer(second, "same", 1);

        EventJournal.Pending running = first.take();
        assertThat(first.claim(running)).isTrue();
        assertThat(second.claim(second.take()))
                .as("claimed by the first replica")
                .isFalse();

        assertThat(second.pending()).isZero();
        assertThat(offer(second, "same", 1))
                .as("the second replica remembers the delivery as run")
                .isInstanceOf(EventJournal.Offer.Duplicate.class);
    }

    @Test
    void aReplicaThatEndedMidRunFindsTheClaimItsOwnAfterTheRestart() throws Exception {
        DeliveryClaims store = sharedClaims();
        EventJournal before = EventJournal.open(directory.resolve("pod-1"), 10, 100, store);
        offer(before, "same", 1);
        assertThat(before.claim(before.take())).isTrue(); // the run ends the process: no done()

        EventJournal restarted = EventJournal.open(directory.resolve("pod-1"), 10, 100, store);
        EventJournal.Pending again = restarted.take();

        assertThat(again.attempt()).isEqualTo(2);
        assertThat(restarted.claim(again))
                .as("the event runs again: at least once")
                .isTrue();
        EventJournal other = EventJournal.open(directory.resolve("pod-2"), 10, 100, store);
        offer(other, "same", 1);
        assertThat(other.claim(other.take())).isFalse();
    }

    @Test
    void concurrentOffersOfOneDeliveryKeepOneEvent() throws Exception {
        EventJournal journal = EventJournal.open(directory, 100, 100);
        List<Future<EventJournal.Offer>> offers = new ArrayList<>();
        try (var senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 32; i++) {
                int number = i;
                offers.add(senders.submit(() -> offer(journal, "same", number)));
            }
        }
        long queued = 0;
        for (Future<EventJournal.Offer> offer : offers) {
            if (offer.get() instanceof EventJournal.Offer.Queued) {
                queued++;
            }
        }

        assertThat(queued).isEqualTo(1);
        assertThat(journal.pending()).isEqualTo(1);
    }

    @Test
    void deliveryIdsAreRememberedUpToTheirLimitAcrossRestarts() throws Exception {
        EventJournal journal = EventJournal.open(directory, 10, 2);
        for (String delivery : List.of("a", "b", "c")) {
            offer(journal, delivery, 0);
            journal.done(journal.take());
        }

        EventJournal restarted = EventJournal.open(directory, 10, 2);

        assertThat(offer(restarted, "c", 0)).isInstanceOf(EventJournal.Offer.Duplicate.class);
        assertThat(offer(restarted, "b", 0)).isInstanceOf(EventJournal.Offer.Duplicate.class);
        assertThat(offer(restarted, "a", 0)).as("beyond the last 2").isInstanceOf(EventJournal.Offer.Queued.class);
    }
}
