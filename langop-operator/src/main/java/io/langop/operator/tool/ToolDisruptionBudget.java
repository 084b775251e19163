package io.langop.operator.tool;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.Labels;
import io.langop.operator.workload.DisruptionBudgets;

/** PodDisruptionBudget {@code <tool>-tool} of a service-mode tool's pods, when its spec asks for one. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.TOOL_OBJECTS))
public class ToolDisruptionBudget extends CRUDKubernetesDependentResource<PodDisruptionBudget, LanguageTool> {

    /** By name: the spec may no longer describe the budget when it is to be deleted. */
    @Override
    protected ResourceID targetSecondaryResourceID(LanguageTool tool, Context<LanguageTool> context) {
        return new ResourceID(ToolEndpoint.serviceName(tool), tool.getMetadata().getNamespace());
    }

    @Override
    protected PodDisruptionBudget desired(LanguageTool tool, Context<LanguageTool> context) {
        return DisruptionBudgets.of(
                tool,
                ToolEndpoint.serviceName(tool),
                Labels.of(tool, "tool", tool.getSpec().getClusterRef()),
                tool.getSpec().getPodDisruptionBudget());
    }

    /** A service-mode tool whose spec sets a budget; removing it (or going sidecar) deletes the object. */
    public static class Requested implements Condition<PodDisruptionBudget, LanguageTool> {
        @Override
        public boolean isMet(
                DependentResource<PodDisruptionBudget, LanguageTool> dependent,
                LanguageTool tool,
                Context<LanguageTool> context) {
            return !ToolEndpoint.isSidecar(tool)
                    && DisruptionBudgets.requested(tool.getSpec().getPodDisruptionBudget());
        }
    }
}
