package io.langop.operator.dashboard;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.cluster.LanguageCluster;

/** Gives the dashboard's ServiceAccount its {@link DashboardRole}, in the cluster's namespace only. */
@KubernetesDependent(informer = @Informer(labelSelector = DashboardObjects.SELECTOR))
public class DashboardRoleBinding extends CRUDKubernetesDependentResource<RoleBinding, LanguageCluster> {

    @Override
    protected RoleBinding desired(LanguageCluster cluster, Context<LanguageCluster> context) {
        return of(cluster);
    }

    static RoleBinding of(LanguageCluster cluster) {
        String name = DashboardObjects.name(cluster);
        return new RoleBindingBuilder()
                .withMetadata(DashboardObjects.metadata(cluster))
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName(name)
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(name)
                .withNamespace(cluster.getMetadata().getNamespace())
                .endSubject()
                .build();
    }
}
