package io.langop.operator.tool;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.operator.workload.ServiceWorkloadPods;
import io.langop.operator.workload.UpdateStrategies;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A service-mode tool server runs as Deployment {@code <tool>-tool}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.TOOL_OBJECTS))
public class ToolDeployment extends CRUDKubernetesDependentResource<Deployment, LanguageTool> {

    @Override
    protected Deployment desired(LanguageTool tool, Context<LanguageTool> context) {
        return of(tool);
    }

    static Deployment of(LanguageTool tool) {
        var spec = tool.getSpec();
        Map<String, String> podLabels = Labels.of(tool, "tool", spec.getClusterRef());
        Objects.requireNonNullElse(spec.getPodLabels(), Map.<String, String>of())
                .forEach(podLabels::putIfAbsent);
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(ToolEndpoint.serviceName(tool))
                .withNamespace(tool.getMetadata().getNamespace())
                .withLabels(Labels.of(tool, "tool", spec.getClusterRef()))
                .withOwnerReferences(Owners.controller(tool))
                .endMetadata()
                .withNewSpec()
                .withReplicas(Objects.requireNonNullElse(spec.getReplicas(), 1))
                .withNewSelector()
                .withMatchLabels(Labels.selector(tool))
                .endSelector()
                .withStrategy(UpdateStrategies.of(spec.getUpdateStrategy()))
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .withAnnotations(spec.getPodAnnotations())
                .endMetadata()
                .withSpec(ServiceWorkloadPods.podSpec(spec)
                        .withContainers(ToolContainer.of("tool", tool, List.of()))
                        .withVolumes(spec.getVolumes())
                        .build())
                .endTemplate()
                .endSpec()
                .build();
    }

    /** Only service-mode tools have a workload of their own; switching to sidecar removes it. */
    public static class ServiceMode implements Condition<Object, LanguageTool> {
        @Override
        public boolean isMet(
                DependentResource<Object, LanguageTool> dependent, LanguageTool tool, Context<LanguageTool> context) {
            return !ToolEndpoint.isSidecar(tool);
        }
    }
}
