package io.langop.operator.dashboard;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.cluster.LanguageCluster;

/** {@code spec.dashboard.enabled}: when it is not (or no longer) true, the dashboard's objects are removed. */
public class DashboardEnabled implements Condition<Object, LanguageCluster> {

    @Override
    public boolean isMet(
            DependentResource<Object, LanguageCluster> dependent,
            LanguageCluster cluster,
            Context<LanguageCluster> context) {
        return DashboardObjects.enabled(cluster);
    }
}
