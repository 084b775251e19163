package io.langop.operator.tool;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service-mode tool's pods may reach: DNS, its cluster and its egress rules. A sidecar tool
 * has no pods of its own; its rules are part of each agent's policy instead.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.TOOL_OBJECTS))
public class ToolEgressPolicy extends CRUDKubernetesDependentResource<NetworkPolicy, LanguageTool> {

    static final String EGRESS = "tool-egress";

    @Override
    protected NetworkPolicy desired(LanguageTool tool, Context<LanguageTool> context) {
        EgressRules.Resolved egress =
                context.managedWorkflowAndDependentResourceContext().getMandatory(EGRESS, EgressRules.Resolved.class);
        String cluster = tool.getSpec().getClusterRef();
        List<NetworkPolicyEgressRule> rules = new ArrayList<>();
        rules.add(EgressRules.dns());
        if (cluster != null && !cluster.isBlank()) {
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .withTo(EgressRules.clusterPeer(cluster))
                    .build());
        }
        rules.addAll(egress.rules());
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(ToolEndpoint.serviceName(tool))
                .withNamespace(tool.getMetadata().getNamespace())
                .withLabels(Labels.of(tool, "egress", cluster))
                .withOwnerReferences(Owners.controller(tool))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(Labels.selector(tool))
                .endPodSelector()
                .withPolicyTypes("Egress")
                .withEgress(rules)
                .endSpec()
                .build();
    }
}
