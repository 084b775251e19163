package io.langop.operator.cluster;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.cluster.LanguageCluster;

/** Isolation is on unless {@code spec.network.isolation} is explicitly false; off removes the policy. */
public class IsolationEnabled implements Condition<NetworkPolicy, LanguageCluster> {

    @Override
    public boolean isMet(
            DependentResource<NetworkPolicy, LanguageCluster> dependent,
            LanguageCluster cluster,
            Context<LanguageCluster> context) {
        return isEnabled(cluster);
    }

    public static boolean isEnabled(LanguageCluster cluster) {
        var network = cluster.getSpec() == null ? null : cluster.getSpec().getNetwork();
        return network == null || !Boolean.FALSE.equals(network.getIsolation());
    }
}
