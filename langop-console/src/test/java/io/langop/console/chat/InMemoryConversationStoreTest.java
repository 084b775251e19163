package io.langop.console.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.console.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryConversationStoreTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryConversationStore store = new InMemoryConversationStore(Duration.ofHours(1), clock);

    @Test
    void aConversationIsForgottenItsTtlAfterItsLastChangeAndOnlyItsUserSeesIt() {
        Conversation ann = turn(Conversation.start("ann", "c1", "helpdesk", clock.instant()), "hi");
        store.save(ann);
        clock.advance(Duration.ofMinutes(50));
        store.save(turn(ann, "still there?"));
        store.save(Conversation.start("ben", "c2", "helpdesk", clock.instant()));

        clock.advance(Duration.ofMinutes(50));

        assertThat(store.find("ann", "c1"))
                .hasValueSatisfying(found -> assertThat(found.turns()).hasSize(2));
        assertThat(store.find("ben", "c1")).isEmpty();
        assertThat(store.latest("ben"))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo("c2"));
        clock.advance(Duration.ofMinutes(11));
        assertThat(store.find("ann", "c1")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void anExpiredConversationIsNeverFoundAndItsMemoryIsFreedByTheNextSweep() {
        InMemoryConversationStore shortLived = new InMemoryConversationStore(Duration.ofSeconds(10), clock);
        shortLived.save(Conversation.start("ann", "c1", "helpdesk", clock.instant()));
        shortLived.save(Conversation.start("ben", "c2", "helpdesk", clock.instant()));

        clock.advance(Duration.ofSeconds(11));

        assertThat(shortLived.find("ann", "c1")).isEmpty();
        assertThat(shortLived.latest("ann")).isEmpty();
        assertThat(shortLived.size())
                .as("held until the sweep, which is not due yet")
                .isEqualTo(2);

        clock.advance(Expiry.SWEEP_INTERVAL);
        shortLived.save(Conversation.start("cat", "c3", "helpdesk", clock.instant()));

        assertThat(shortLived.size())
                .as("ann's and ben's swept by cat's request")
                .isEqualTo(1);
        assertThat(shortLived.latest("cat")).isPresent();
    }

    @Test
    void aConversationKeepsItsLastMessagesOnly() {
        Conversation conversation = Conversation.start("ann", "c1", "helpdesk", clock.instant());
        for (int i = 0; i < 5; i++) {
            conversation = conversation.with(
                    List.of(Conversation.Turn.user("m" + i, clock.instant())), "helpdesk", 3, clock.instant());
        }

        assertThat(conversation.turns()).extracting(Conversation.Turn::content).containsExactly("m2", "m3", "m4");
    }

    private Conversation turn(Conversation conversation, String text) {
        return conversation.with(
                List.of(Conversation.Turn.user(text, clock.instant())), conversation.target(), 100, clock.instant());
    }
}
