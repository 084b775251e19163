package io.langop.operator.dashboard;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.cluster.ClusterDashboard;
import io.langop.api.v1alpha1.cluster.DashboardOidc;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.SecretVariable;
import io.langop.wire.DashboardWire;
import io.langop.wire.ServiceWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deployment {@code <cluster>-dashboard}: one replica of the console in dashboard mode, as ServiceAccount
 * {@code <cluster>-dashboard}, told the namespace and cluster to show and how people sign in: the keys of
 * {@code apiKeySecretRef}, the OIDC issuer of {@code oidc} (its settings, the client secret as a reference).
 */
@KubernetesDependent(informer = @Informer(labelSelector = DashboardObjects.SELECTOR))
public class DashboardDeployment extends CRUDKubernetesDependentResource<Deployment, LanguageCluster> {

    static final String CONTAINER = "dashboard";
    static final String SCRATCH = "tmp";

    @Override
    protected Deployment desired(LanguageCluster cluster, Context<LanguageCluster> context) {
        return of(cluster);
    }

    static Map<String, String> podSelector(LanguageCluster cluster) {
        Map<String, String> selector = Labels.selector(cluster);
        selector.put(Labels.COMPONENT, DashboardObjects.ROLE);
        return selector;
    }

    static Deployment of(LanguageCluster cluster) {
        return new DeploymentBuilder()
                .withMetadata(DashboardObjects.metadata(cluster))
                .withNewSpec()
                // one replica: each keeps its own watches and sign-ins, and a dashboard has few users
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(podSelector(cluster))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(DashboardObjects.labels(cluster))
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(DashboardObjects.name(cluster))
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withContainers(container(cluster))
                // the root file system is read-only; the JVM and Jetty write their scratch files here
                .addNewVolume()
                .withName(SCRATCH)
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Container container(LanguageCluster cluster) {
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(DashboardObjects.image(cluster))
                .addNewPort()
                .withName(DashboardObjects.PORT_NAME)
                .withContainerPort(DashboardObjects.PORT)
                .withProtocol("TCP")
                .endPort()
                .withEnv(env(cluster))
                .addNewVolumeMount()
                .withName(SCRATCH)
                .withMountPath("/tmp")
                .endVolumeMount()
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("192Mi")))
                .withLimits(Map.of("memory", new Quantity("512Mi")))
                .endResources()
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath(ServiceWire.READY_PATH)
                .withPort(new IntOrString(DashboardObjects.PORT_NAME))
                .endHttpGet()
                .withPeriodSeconds(5)
                .endReadinessProbe()
                .build();
    }

    static List<EnvVar> env(LanguageCluster cluster) {
        List<EnvVar> env = new ArrayList<>();
        env.add(variable(DashboardWire.MODE_ENV, DashboardWire.DASHBOARD_MODE));
        env.add(variable(DashboardWire.NAMESPACE_ENV, cluster.getMetadata().getNamespace()));
        env.add(variable(DashboardWire.CLUSTER_ENV, cluster.getMetadata().getName()));
        env.add(variable(ServiceWire.PORT_ENV, String.valueOf(DashboardObjects.PORT)));
        ClusterDashboard spec = DashboardObjects.spec(cluster);
        if (spec.getApiKeySecretRef() != null) {
            env.add(SecretVariable.of(DashboardWire.KEYS_ENV, spec.getApiKeySecretRef()));
        }
        DashboardOidc oidc = spec.getOidc();
        if (oidc != null) {
            env.add(variable(DashboardWire.OIDC_ISSUER_ENV, oidc.getIssuer()));
            env.add(variable(DashboardWire.OIDC_CLIENT_ID_ENV, oidc.getClientId()));
            if (oidc.getClientSecretRef() != null) {
                env.add(SecretVariable.of(DashboardWire.OIDC_CLIENT_SECRET_ENV, oidc.getClientSecretRef()));
            }
            if (oidc.getAudience() != null) {
                env.add(variable(DashboardWire.OIDC_AUDIENCE_ENV, oidc.getAudience()));
            }
            if (oidc.getScopes() != null) {
                env.add(variable(DashboardWire.OIDC_SCOPES_ENV, oidc.getScopes()));
            }
        }
        return env;
    }

    private static EnvVar variable(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }
}
