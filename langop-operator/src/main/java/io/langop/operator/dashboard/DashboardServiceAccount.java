package io.langop.operator.dashboard;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.cluster.LanguageCluster;

/** The identity of the dashboard's pods, bound to {@link DashboardRole} and nothing else. */
@KubernetesDependent(informer = @Informer(labelSelector = DashboardObjects.SELECTOR))
public class DashboardServiceAccount extends CRUDKubernetesDependentResource<ServiceAccount, LanguageCluster> {

    @Override
    protected ServiceAccount desired(LanguageCluster cluster, Context<LanguageCluster> context) {
        return of(cluster);
    }

    static ServiceAccount of(LanguageCluster cluster) {
        return new ServiceAccountBuilder()
                .withMetadata(DashboardObjects.metadata(cluster))
                .build();
    }
}
