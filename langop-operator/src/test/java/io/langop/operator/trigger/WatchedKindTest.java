package io.langop.operator.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.api.v1alpha1.agent.KubernetesEventSource;
import io.langop.api.v1alpha1.agent.ResourceChange;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WatchedKindTest {

    @Test
    void theOperatorWatchesExactlyTheKindsTheSchemaAllows() {
        assertThat(Arrays.stream(WatchedKind.values()).map(WatchedKind::pair))
                .containsExactlyInAnyOrderElementsOf(KubernetesEventSource.watchable());
    }

    @Test
    void namesEventsByTheObjectsApiPathAndKind() {
        assertThat(WatchedKind.DEPLOYMENT.path("shop", "checkout"))
                .isEqualTo("/apis/apps/v1/namespaces/shop/deployments/checkout");
        assertThat(WatchedKind.CONFIG_MAP.path("shop", "settings"))
                .isEqualTo("/api/v1/namespaces/shop/configmaps/settings");
        assertThat(WatchedKind.EVENT.eventType(ResourceChange.ADDED)).isEqualTo("io.k8s.event.added");
    }
}
