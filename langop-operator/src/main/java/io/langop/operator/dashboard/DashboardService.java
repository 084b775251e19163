package io.langop.operator.dashboard;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.cluster.LanguageCluster;

/**
 * Service {@code <cluster>-dashboard}, inside the cluster only (ClusterIP): reach it with {@code kubectl
 * port-forward} or an Ingress of your own.
 */
@KubernetesDependent(informer = @Informer(labelSelector = DashboardObjects.SELECTOR))
public class DashboardService extends CRUDKubernetesDependentResource<Service, LanguageCluster> {

    @Override
    protected Service desired(LanguageCluster cluster, Context<LanguageCluster> context) {
        return of(cluster);
    }

    static Service of(LanguageCluster cluster) {
        return new ServiceBuilder()
                .withMetadata(DashboardObjects.metadata(cluster))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(DashboardDeployment.podSelector(cluster))
                .addNewPort()
                .withName(DashboardObjects.PORT_NAME)
                .withPort(DashboardObjects.PORT)
                .withTargetPort(new IntOrString(DashboardObjects.PORT_NAME))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }
}
