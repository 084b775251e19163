package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.Workspace;
import io.langop.api.v1alpha1.agent.WorkspaceAccessMode;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.Map;
import java.util.Objects;

/** The agent's persistent workspace {@code <agent>-workspace}, shared with its sidecar tools. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.AGENT_OBJECTS))
public class WorkspaceClaim extends CRUDKubernetesDependentResource<PersistentVolumeClaim, LanguageAgent> {

    static final String DEFAULT_SIZE = "10Gi";

    @Override
    protected PersistentVolumeClaim desired(LanguageAgent agent, Context<LanguageAgent> context) {
        Workspace workspace = agent.getSpec().getWorkspace();
        String accessMode =
                workspace.getAccessMode() == WorkspaceAccessMode.READ_WRITE_MANY ? "ReadWriteMany" : "ReadWriteOnce";
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(Labels.name(agent, AgentPodTemplate.WORKSPACE_VOLUME))
                .withNamespace(agent.getMetadata().getNamespace())
                .withLabels(Labels.of(agent, "workspace", agent.getSpec().getClusterRef()))
                .withOwnerReferences(Owners.controller(agent))
                .endMetadata()
                .withNewSpec()
                .withAccessModes(accessMode)
                .withStorageClassName(workspace.getStorageClassName())
                .withNewResources()
                .withRequests(
                        Map.of("storage", new Quantity(Objects.requireNonNullElse(workspace.getSize(), DEFAULT_SIZE))))
                .endResources()
                .endSpec()
                .build();
    }

    /** Only with a workspace block that is not {@code enabled: false}. */
    public static class Requested implements Condition<PersistentVolumeClaim, LanguageAgent> {
        @Override
        public boolean isMet(
                DependentResource<PersistentVolumeClaim, LanguageAgent> dependent,
                LanguageAgent agent,
                Context<LanguageAgent> context) {
            return AgentPlan.hasWorkspace(agent);
        }
    }
}
