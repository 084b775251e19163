package io.langop.operator.tool;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.Labels;
import io.langop.operator.workload.Autoscalers;

/**
 * HorizontalPodAutoscaler {@code <tool>-tool} of a service-mode tool's Deployment, when its spec enables one; its
 * Object metrics describe the tool's Service. While it exists it owns the Deployment's replica count.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.TOOL_OBJECTS))
public class ToolAutoscaler extends CRUDKubernetesDependentResource<HorizontalPodAutoscaler, LanguageTool> {

    /** By name: the spec may no longer describe the autoscaler when it is to be deleted. */
    @Override
    protected ResourceID targetSecondaryResourceID(LanguageTool tool, Context<LanguageTool> context) {
        return new ResourceID(ToolEndpoint.serviceName(tool), tool.getMetadata().getNamespace());
    }

    @Override
    protected HorizontalPodAutoscaler desired(LanguageTool tool, Context<LanguageTool> context) {
        String name = ToolEndpoint.serviceName(tool);
        return Autoscalers.of(
                tool,
                name,
                Labels.of(tool, "tool", tool.getSpec().getClusterRef()),
                name,
                name,
                tool.getSpec().getHorizontalPodAutoscaler());
    }

    /** A service-mode tool whose spec enables autoscaling; disabling it (or going sidecar) deletes the object. */
    public static class Enabled implements Condition<HorizontalPodAutoscaler, LanguageTool> {
        @Override
        public boolean isMet(
                DependentResource<HorizontalPodAutoscaler, LanguageTool> dependent,
                LanguageTool tool,
                Context<LanguageTool> context) {
            return !ToolEndpoint.isSidecar(tool)
                    && Autoscalers.enabled(tool.getSpec().getHorizontalPodAutoscaler());
        }
    }
}
