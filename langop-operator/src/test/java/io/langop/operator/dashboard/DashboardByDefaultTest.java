package io.langop.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.langop.api.v1alpha1.cluster.ClusterDashboard;
import io.langop.api.v1alpha1.cluster.ClusterPhase;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterSpec;
import io.langop.operator.OperatorSettings;
import io.langop.operator.harness.OperatorExtension;
import io.langop.wire.DashboardWire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator told to run dashboards by default ({@code --dashboard-by-default}, the chart's
 * {@code dashboard.enabledByDefault}) runs the dashboard of every LanguageCluster that does not set
 * {@code spec.dashboard.enabled}; a cluster's own {@code false} still keeps it off.
 */
class DashboardByDefaultTest {

    @RegisterExtension
    static final OperatorExtension operator =
            OperatorExtension.with(OperatorSettings.defaults().withDashboardByDefault(true));

    @Test
    void everyClusterThatDoesNotSayOtherwiseRunsItsDashboard() {
        operator.api().createNamespace("silent");
        operator.api().createNamespace("declined");
        operator.client().resource(cluster("silent", "ops", null)).create();
        ClusterDashboard off = new ClusterDashboard();
        off.setEnabled(false);
        operator.client().resource(cluster("declined", "quiet", off)).create();

        await().untilAsserted(() -> assertThat(dashboard("silent", "ops")).isNotNull());
        var container = dashboard("silent", "ops")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst();
        assertThat(container.getImage()).isEqualTo(OperatorSettings.CONSOLE_IMAGE);
        assertThat(container.getEnv())
                .as("no keys named: an open dashboard")
                .noneMatch(variable -> variable.getName().equals(DashboardWire.KEYS_ENV));

        await().untilAsserted(() -> assertThat(operator.client()
                        .resources(LanguageCluster.class)
                        .inNamespace("declined")
                        .withName("quiet")
                        .get()
                        .getStatus())
                .isNotNull()
                .satisfies(status -> assertThat(status.getPhase()).isEqualTo(ClusterPhase.READY)));
        assertThat(dashboard("declined", "quiet"))
                .as("the cluster's own false wins")
                .isNull();
    }

    private static Deployment dashboard(String namespace, String cluster) {
        return operator.client()
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName(cluster + "-dashboard")
                .get();
    }

    private static LanguageCluster cluster(String namespace, String name, ClusterDashboard dashboard) {
        LanguageCluster cluster = new LanguageCluster();
        cluster.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        cluster.setSpec(new LanguageClusterSpec());
        cluster.getSpec().setDashboard(dashboard);
        return cluster;
    }
}
