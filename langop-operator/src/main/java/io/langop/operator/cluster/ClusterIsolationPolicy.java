package io.langop.operator.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.operator.agent.AgentHttp;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.operator.monitoring.Scraping;
import io.langop.operator.tool.ToolEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Default-deny for the cluster's namespace: every pod in it may only talk to DNS, to pods of the
 * cluster's namespaces (all namespaces labelled {@code langop.io/cluster=<cluster>}) and to the
 * cluster-wide egress rules; it accepts traffic only from the cluster's namespaces, and from the Prometheus the
 * operator is told of ({@link Scraping}) to the ports components serve {@code /metrics} on. Components add their own
 * egress on top with their own policies (NetworkPolicies are additive).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.CLUSTER_OBJECTS))
public class ClusterIsolationPolicy extends CRUDKubernetesDependentResource<NetworkPolicy, LanguageCluster> {

    static final String EGRESS = "cluster-egress";
    /** The dependent's name, whose informer the dashboard's policy shares. */
    static final String NAME = "isolation";
    /** The workflow context entry holding the operator's {@link Scraping}. */
    static final String SCRAPING = Scraping.class.getName();

    /**
     * The ports, by name, of every component's {@code /metrics}: agents' (and, by the same name, model proxies',
     * clients' and dashboards') and tool servers'.
     */
    static final List<String> METRICS_PORTS = List.of(AgentHttp.PORT_NAME, ToolEndpoint.PORT_NAME);

    /** By name and owner: the dashboard's policy, in the same informer, is another of the cluster's policies. */
    @Override
    protected Optional<NetworkPolicy> selectTargetSecondaryResource(
            Set<NetworkPolicy> policies, LanguageCluster cluster, Context<LanguageCluster> context) {
        return Owners.ownedNamed(policies, Labels.name(cluster, "isolation"), cluster);
    }

    @Override
    protected NetworkPolicy desired(LanguageCluster cluster, Context<LanguageCluster> context) {
        EgressRules.Resolved egress =
                context.managedWorkflowAndDependentResourceContext().getMandatory(EGRESS, EgressRules.Resolved.class);
        String name = cluster.getMetadata().getName();
        var rules = new ArrayList<>(egress.rules());
        rules.addFirst(new NetworkPolicyEgressRuleBuilder()
                .withTo(EgressRules.clusterPeer(name))
                .build());
        rules.addFirst(EgressRules.dns());
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(Labels.name(cluster, "isolation"))
                .withNamespace(cluster.getMetadata().getNamespace())
                .withLabels(Labels.of(cluster, "isolation", name))
                .withOwnerReferences(Owners.controller(cluster))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .withIngress(ingress(
                        name,
                        context.managedWorkflowAndDependentResourceContext().getMandatory(SCRAPING, Scraping.class)))
                .withEgress(rules)
                .endSpec()
                .build();
    }

    /** From the cluster's namespaces to every port; from Prometheus's pods to the metrics ports only. */
    static List<NetworkPolicyIngressRule> ingress(String cluster, Scraping scraping) {
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        rules.add(new NetworkPolicyIngressRuleBuilder()
                .withFrom(EgressRules.clusterPeer(cluster))
                .build());
        if (scraping.admitsScraper()) {
            NetworkPolicyPeerBuilder prometheus = new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(new LabelSelectorBuilder()
                            .withMatchLabels(scraping.scraperNamespace())
                            .build());
            if (!scraping.scraperPods().isEmpty()) {
                prometheus.withPodSelector(new LabelSelectorBuilder()
                        .withMatchLabels(scraping.scraperPods())
                        .build());
            }
            rules.add(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(prometheus.build())
                    .withPorts(METRICS_PORTS.stream()
                            .map(port -> new NetworkPolicyPortBuilder()
                                    .withProtocol("TCP")
                                    .withPort(new IntOrString(port))
                                    .build())
                            .toList())
                    .build());
        }
        return rules;
    }
}
