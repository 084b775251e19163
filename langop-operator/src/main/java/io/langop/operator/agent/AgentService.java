package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;

/**
 * The Service {@code <agent>-agent} that clients and event sources reach an interactive
 * ({@code /v1/chat/completions}) or event-driven ({@code /webhook}) agent through.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.AGENT_OBJECTS))
public class AgentService extends CRUDKubernetesDependentResource<Service, LanguageAgent> {

    @Override
    protected Service desired(LanguageAgent agent, Context<LanguageAgent> context) {
        return of(context.managedWorkflowAndDependentResourceContext().getMandatory(AgentPlan.KEY, AgentPlan.class));
    }

    static Service of(AgentPlan plan) {
        LanguageAgent agent = plan.agent();
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(Labels.name(agent, "agent"))
                .withNamespace(agent.getMetadata().getNamespace())
                .withLabels(Labels.of(agent, "agent", plan.clusterRef()))
                .withOwnerReferences(Owners.controller(agent))
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Labels.selector(agent))
                .addNewPort()
                .withName(AgentHttp.PORT_NAME)
                .withPort(AgentHttp.port(agent))
                .withTargetPort(new IntOrString(AgentHttp.PORT_NAME))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }

    /** Only agents that take requests are exposed; switching to another mode deletes the Service. */
    public static class Exposed implements Condition<Service, LanguageAgent> {
        @Override
        public boolean isMet(
                DependentResource<Service, LanguageAgent> dependent,
                LanguageAgent agent,
                Context<LanguageAgent> context) {
            return AgentHttp.exposed(agent);
        }
    }
}
