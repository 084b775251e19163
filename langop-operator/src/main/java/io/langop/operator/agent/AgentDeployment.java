package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.Objects;

/** Autonomous, interactive and event-driven agents run as a Deployment {@code <agent>-agent}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.AGENT_OBJECTS))
public class AgentDeployment extends CRUDKubernetesDependentResource<Deployment, LanguageAgent> {

    @Override
    protected Deployment desired(LanguageAgent agent, Context<LanguageAgent> context) {
        return of(context.managedWorkflowAndDependentResourceContext().getMandatory(AgentPlan.KEY, AgentPlan.class));
    }

    static Deployment of(AgentPlan plan) {
        LanguageAgent agent = plan.agent();
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(Labels.name(agent, "agent"))
                .withNamespace(agent.getMetadata().getNamespace())
                .withLabels(Labels.of(agent, "agent", plan.clusterRef()))
                .withOwnerReferences(Owners.controller(agent))
                .endMetadata()
                .withNewSpec()
                .withReplicas(Objects.requireNonNullElse(agent.getSpec().getReplicas(), 1))
                .withNewSelector()
                .withMatchLabels(Labels.selector(agent))
                .endSelector()
                .withTemplate(AgentPodTemplate.build(plan, null))
                .endSpec()
                .build();
    }

    /** A Deployment for every mode but scheduled; switching to scheduled deletes it. */
    public static class RunsContinuously implements Condition<Deployment, LanguageAgent> {
        @Override
        public boolean isMet(
                DependentResource<Deployment, LanguageAgent> dependent,
                LanguageAgent agent,
                Context<LanguageAgent> context) {
            return !AgentPlan.isScheduled(agent);
        }
    }
}
