package io.langop.operator.dashboard;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.langop.api.v1alpha1.cluster.ClusterDashboard;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.operator.OperatorSettings;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.Map;

/**
 * Names and labels of what a LanguageCluster's dashboard runs on: ServiceAccount, Role, RoleBinding, Deployment and
 * Service, each {@code <cluster>-dashboard}.
 */
public final class DashboardObjects {

    static final String ROLE = "dashboard";
    /** Informer filter: only the dashboard objects this operator made. */
    static final String SELECTOR = Labels.KIND + "=LanguageCluster," + Labels.MANAGED_BY + "=" + Labels.OPERATOR + ","
            + Labels.COMPONENT + "=" + ROLE;

    /** The workflow context key of whether the cluster runs its dashboard, decided by the cluster's reconciler. */
    public static final String ENABLED = DashboardObjects.class.getName() + ".enabled";

    static final String PORT_NAME = "http";
    static final int PORT = 8080;

    private DashboardObjects() {}

    /**
     * Whether the cluster runs its dashboard: {@code spec.dashboard.enabled} when the cluster says, else the
     * operator's default ({@code --dashboard-by-default}, the chart's {@code dashboard.enabledByDefault}).
     */
    public static boolean enabled(LanguageCluster cluster, boolean byDefault) {
        Boolean enabled = spec(cluster).getEnabled();
        return enabled == null ? byDefault : enabled;
    }

    /** What the cluster's reconciler decided ({@link #ENABLED}) for the workflow it runs now. */
    static boolean enabled(Context<LanguageCluster> context) {
        return context.managedWorkflowAndDependentResourceContext().getMandatory(ENABLED, Boolean.class);
    }

    /** The cluster's {@code spec.dashboard}; an empty one when it has none (the operator's default applies). */
    static ClusterDashboard spec(LanguageCluster cluster) {
        ClusterDashboard dashboard =
                cluster.getSpec() == null ? null : cluster.getSpec().getDashboard();
        return dashboard == null ? new ClusterDashboard() : dashboard;
    }

    static String name(LanguageCluster cluster) {
        return Labels.name(cluster, ROLE);
    }

    static String image(LanguageCluster cluster) {
        String image = spec(cluster).getImage();
        return image == null || image.isBlank() ? OperatorSettings.CONSOLE_IMAGE : image;
    }

    /** Every dashboard object's: its name, the cluster's namespace, labels and the cluster as controller. */
    static ObjectMeta metadata(LanguageCluster cluster) {
        return new ObjectMetaBuilder()
                .withName(name(cluster))
                .withNamespace(cluster.getMetadata().getNamespace())
                .withLabels(labels(cluster))
                .withOwnerReferences(Owners.controller(cluster))
                .build();
    }

    static Map<String, String> labels(LanguageCluster cluster) {
        return Labels.of(cluster, ROLE, cluster.getMetadata().getName());
    }
}
