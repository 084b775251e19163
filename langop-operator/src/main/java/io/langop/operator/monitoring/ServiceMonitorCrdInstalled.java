package io.langop.operator.monitoring;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.util.Optional;

/**
 * The activation condition of a ServiceMonitor dependent: the cluster has the Prometheus Operator's CRD. Looked up
 * once, and again on each reconcile of an owner that asks for a monitor while the CRD is missing, so installing the
 * Prometheus Operator later is noticed at that owner's next reconcile; once seen, the CRD is taken to stay.
 */
public abstract class ServiceMonitorCrdInstalled<P extends HasMetadata> implements Condition<ServiceMonitor, P> {

    public static final String CRD = HasMetadata.getFullResourceName(ServiceMonitor.class);

    private volatile Boolean installed;

    /**
     * What the owner's status says when its monitor was asked for ({@code what}) but the workflow left the dependent
     * {@code dependent} out because the CRD is missing: without it nothing scrapes the owner, and nobody would know why.
     */
    public static Optional<String> missingNote(WorkflowReconcileResult workflow, String dependent, String what) {
        boolean made =
                workflow.getReconciledDependents().stream().anyMatch(reconciled -> dependent.equals(reconciled.name()));
        return made
                ? Optional.empty()
                : Optional.of(
                        what + " needs the Prometheus Operator's CRD " + CRD + ", which this cluster does not have");
    }

    /** Whether this owner asks for its monitor now (the dependent's reconcile precondition). */
    protected abstract boolean requested(P owner, Context<P> context);

    @Override
    public boolean isMet(DependentResource<ServiceMonitor, P> dependent, P owner, Context<P> context) {
        Boolean known = installed;
        if (known == null || (!known && requested(owner, context))) {
            known = context.getClient()
                            .resources(CustomResourceDefinition.class)
                            .withName(CRD)
                            .get()
                    != null;
            installed = known;
        }
        return known;
    }
}
