package io.langop.operator.tool;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.agent.AgentMailTriggers;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.operator.workload.Autoscalers;
import io.langop.operator.workload.ServiceWorkloadPods;
import io.langop.operator.workload.UpdateStrategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service-mode tool server runs as Deployment {@code <tool>-tool}. A sidecar tool runs there too, with
 * one pod and behind the same Service, while the operator reads its catalog (the catalog pod): a sidecar
 * otherwise lives only inside agent pods, and an agent is written from the catalog before its pod exists.
 * Any MCP image can be listed this way, with exactly the image, arguments and environment the agents'
 * sidecar will have; it costs one short-lived pod per change of the tool's spec.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.TOOL_OBJECTS))
public class ToolDeployment extends CRUDKubernetesDependentResource<Deployment, LanguageTool> {

    @Override
    protected Deployment desired(LanguageTool tool, Context<LanguageTool> context) {
        @SuppressWarnings("unchecked") // the reconciler registers exactly this event source for agents
        var agents = (InformerEventSource<LanguageAgent, LanguageTool>)
                context.eventSourceRetriever().getEventSourceFor(LanguageAgent.class);
        return of(
                tool,
                context.getSecondaryResource(Deployment.class).orElse(null),
                agents.list(tool.getMetadata().getNamespace()).toList());
    }

    /**
     * @param current the stored Deployment, whose replicas an autoscaler may own
     * @param agents agents of the tool's namespace: those whose mail triggers name the tool are its subscribers
     */
    static Deployment of(LanguageTool tool, Deployment current, List<LanguageAgent> agents) {
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
                .withReplicas(
                        ToolEndpoint.isSidecar(tool)
                                ? 1
                                : Autoscalers.replicas(
                                        spec.getHorizontalPodAutoscaler(),
                                        current,
                                        Objects.requireNonNullElse(spec.getReplicas(), 1)))
                .withNewSelector()
                .withMatchLabels(Labels.selector(tool))
                .endSelector()
                .withStrategy(UpdateStrategies.of(spec.getUpdateStrategy()))
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .withAnnotations(spec.getPodAnnotations())
                .endMetadata()
                .withSpec(podSpec(tool, agents))
                .endTemplate()
                .endSpec()
                .build();
    }

    /** A sidecar's catalog pod watches no mail: the copies in the agents' pods do. */
    private static PodSpec podSpec(LanguageTool tool, List<LanguageAgent> agents) {
        Container container = ToolContainer.of("tool", tool, List.of());
        List<Volume> volumes =
                new ArrayList<>(Objects.requireNonNullElse(tool.getSpec().getVolumes(), List.of()));
        if (!ToolEndpoint.isSidecar(tool)) {
            AgentMailTriggers.service(tool, agents).addTo(container, volumes);
        }
        return ServiceWorkloadPods.podSpec(tool.getSpec())
                .withContainers(container)
                .withVolumes(volumes.isEmpty() ? null : volumes)
                .build();
    }

    /** The workflow context key telling whether a sidecar tool needs its catalog pod in this reconcile. */
    static final String CATALOG_POD = "catalog-pod";

    /**
     * A service-mode tool always has its server running; a sidecar tool only while its catalog is read, and
     * removing the catalog pod (or switching to sidecar) deletes the Deployment and Service.
     */
    public static class Served implements Condition<Object, LanguageTool> {
        @Override
        public boolean isMet(
                DependentResource<Object, LanguageTool> dependent, LanguageTool tool, Context<LanguageTool> context) {
            return !ToolEndpoint.isSidecar(tool)
                    || context.managedWorkflowAndDependentResourceContext()
                            .get(CATALOG_POD, Boolean.class)
                            .orElse(false);
        }
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
