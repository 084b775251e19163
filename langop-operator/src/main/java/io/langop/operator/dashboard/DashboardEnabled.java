package io.langop.operator.dashboard;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.cluster.LanguageCluster;

/**
 * The cluster runs its dashboard ({@code spec.dashboard.enabled}, else the operator's default): when it does not (or
 * no longer), the dashboard's objects are removed.
 */
public class DashboardEnabled implements Condition<Object, LanguageCluster> {

    @Override
    public boolean isMet(
            DependentResource<Object, LanguageCluster> dependent,
            LanguageCluster cluster,
            Context<LanguageCluster> context) {
        return DashboardObjects.enabled(context);
    }
}
