package io.langop.operator.model;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.ArrayList;
import java.util.List;

/** What the proxy pods may reach: DNS, the model's upstream endpoints, its cluster, its egress rules. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MODEL_OBJECTS))
public class ProxyEgressPolicy extends CRUDKubernetesDependentResource<NetworkPolicy, LanguageModel> {

    @Override
    protected NetworkPolicy desired(LanguageModel model, Context<LanguageModel> context) {
        ModelProxyPlan plan = context.managedWorkflowAndDependentResourceContext()
                .getMandatory(ModelProxyPlan.KEY, ModelProxyPlan.class);
        String cluster = model.getSpec().getClusterRef();
        List<NetworkPolicyEgressRule> rules = new ArrayList<>();
        rules.add(EgressRules.dns());
        if (cluster != null && !cluster.isBlank()) {
            rules.add(new NetworkPolicyEgressRuleBuilder()
                    .withTo(EgressRules.clusterPeer(cluster))
                    .build());
        }
        rules.addAll(plan.egress().rules());
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(ModelEndpoint.name(model))
                .withNamespace(model.getMetadata().getNamespace())
                .withLabels(Labels.of(model, "egress", cluster))
                .withOwnerReferences(Owners.controller(model))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(Labels.selector(model))
                .endPodSelector()
                .withPolicyTypes("Egress")
                .withEgress(rules)
                .endSpec()
                .build();
    }
}
