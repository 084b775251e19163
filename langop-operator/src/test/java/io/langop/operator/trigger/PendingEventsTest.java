package io.langop.operator.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.langop.api.v1alpha1.agent.ResourceChange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void keepsOneEventPerObjectWithTheLatestStateAndTheFirstChangeKind() throws InterruptedException {
        PendingEvents pending = new PendingEvents(10);
        ConfigMap v1 = configMap("a-uid", "1");
        pending.offer(change(ResourceChange.ADDED, v1, null));
        pending.offer(change(ResourceChange.MODIFIED, configMap("a-uid", "2"), v1));
        pending.offer(change(ResourceChange.MODIFIED, configMap("b-uid", "7"), configMap("b-uid", "6")));
        pending.offer(change(ResourceChange.MODIFIED, configMap("b-uid", "8"), configMap("b-uid", "7")));

        ObjectChange first = (ObjectChange) pending.take();
        assertThat(first.change())
                .as("added, then changed: still new to the agent")
                .isEqualTo(ResourceChange.ADDED);
        assertThat(first.id()).isEqualTo("a-uid/2");
        assertThat(first.previous()).isNull();
        ObjectChange second = (ObjectChange) pending.take();
        assertThat(second.change()).isEqualTo(ResourceChange.MODIFIED);
        assertThat(second.id()).isEqualTo("b-uid/8");
        assertThat(second.previous().getMetadata().getResourceVersion())
                .as("the version the agent saw last")
                .isEqualTo("6");
        assertThat(pending.size()).isZero();
    }

    @Test
    void aDeletionReplacesWhatWaitedAndHasAnIdOfItsOwn() throws InterruptedException {
        PendingEvents pending = new PendingEvents(10);
        pending.offer(change(ResourceChange.MODIFIED, configMap("a-uid", "2"), null));
        pending.offer(change(ResourceChange.DELETED, configMap("a-uid", "2"), null));
        ObjectChange deleted = (ObjectChange) pending.take();
        assertThat(deleted.change()).isEqualTo(ResourceChange.DELETED);
        assertThat(deleted.id())
                .as("not the id of the last modification, which the agent has seen")
                .isEqualTo("a-uid/deleted");
    }

    @Test
    void refusesANewObjectBeyondItsCapacityButStillMergesWaitingOnes() {
        PendingEvents pending = new PendingEvents(1);
        assertThat(pending.offer(change(ResourceChange.ADDED, configMap("a-uid", "1"), null)))
                .isTrue();
        assertThat(pending.offer(change(ResourceChange.ADDED, configMap("b-uid", "1"), null)))
                .isFalse();
        assertThat(pending.offer(change(ResourceChange.MODIFIED, configMap("a-uid", "2"), null)))
                .isTrue();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void aScheduleThatFiredTwiceWhileTheAgentWasAwayRunsOnceForTheLatestTime() throws InterruptedException {
        PendingEvents pending = new PendingEvents(10);
        pending.offer(new ScheduledTime("nightly", "@daily", NOW.minusSeconds(86400)));
        pending.offer(new ScheduledTime("nightly", "@daily", NOW));
        assertThat(pending.take().id()).isEqualTo(NOW.toString());
        assertThat(pending.size()).isZero();
    }

    private static ObjectChange change(ResourceChange change, ConfigMap object, ConfigMap previous) {
        return new ObjectChange("settings", WatchedKind.CONFIG_MAP, change, object, previous, NOW);
    }

    private static ConfigMap configMap(String uid, String resourceVersion) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(uid.substring(0, 1))
                .withNamespace("shop")
                .withUid(uid)
                .withResourceVersion(resourceVersion)
                .endMetadata()
                .build();
    }
}
