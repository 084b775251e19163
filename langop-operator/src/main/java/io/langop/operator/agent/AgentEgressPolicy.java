package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.operator.model.ModelEndpoint;
import io.langop.operator.tool.ToolEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent pod may reach: DNS, the proxies of its models and the Services of its tools
 * (wherever their namespaces), its LanguageCluster, and the egress rules of the agent and of its
 * sidecar tools (the sidecars share the pod, so they share this policy).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.AGENT_OBJECTS))
public class AgentEgressPolicy extends CRUDKubernetesDependentResource<NetworkPolicy, LanguageAgent> {

    @Override
    protected NetworkPolicy desired(LanguageAgent agent, Context<LanguageAgent> context) {
        return of(context.managedWorkflowAndDependentResourceContext().getMandatory(AgentPlan.KEY, AgentPlan.class));
    }

    static NetworkPolicy of(AgentPlan plan) {
        LanguageAgent agent = plan.agent();
        List<NetworkPolicyEgressRule> rules = new ArrayList<>();
        rules.add(EgressRules.dns());
        for (LanguageModel model : plan.models()) {
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .withTo(EgressRules.podsIn(model.getMetadata().getNamespace(), Labels.selector(model)))
                    .addNewPort()
                    .withProtocol("TCP")
                    .withPort(new IntOrString(ModelEndpoint.PORT))
                    .endPort()
                    .build());
        }
        for (LanguageTool tool : plan.serviceTools()) {
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .withTo(EgressRules.podsIn(tool.getMetadata().getNamespace(), Labels.selector(tool)))
                    .addNewPort()
                    .withProtocol("TCP")
                    .withPort(new IntOrString(ToolEndpoint.port(tool)))
                    .endPort()
                    .build());
        }
        if (plan.clusterRef() != null) {
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .withTo(EgressRules.clusterPeer(plan.clusterRef()))
                    .build());
        }
        rules.addAll(plan.egress().rules());
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(Labels.name(agent, "agent"))
                .withNamespace(agent.getMetadata().getNamespace())
                .withLabels(Labels.of(agent, "egress", plan.clusterRef()))
                .withOwnerReferences(Owners.controller(agent))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(Labels.selector(agent))
                .endPodSelector()
                .withPolicyTypes("Egress")
                .withEgress(rules)
                .endSpec()
                .build();
    }
}
