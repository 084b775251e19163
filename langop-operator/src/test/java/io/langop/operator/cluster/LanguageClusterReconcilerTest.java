package io.langop.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.langop.api.v1alpha1.NetworkPeer;
import io.langop.api.v1alpha1.NetworkPort;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.cluster.ClusterNetwork;
import io.langop.api.v1alpha1.cluster.ClusterPhase;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterSpec;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LanguageModelSpec;
import io.langop.api.v1alpha1.model.ModelProvider;
import io.langop.operator.OperatorSettings;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.ReconcileFailures;
import io.langop.operator.monitoring.Scraping;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LanguageClusterReconcilerTest {

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.with(OperatorSettings.defaults()
                    .withScraping(new Scraping(
                            false,
                            Map.of(),
                            Map.of("kubernetes.io/metadata.name", "monitoring"),
                            Map.of("app.kubernetes.io/name", "prometheus"))))
            .resolving(host -> switch (host) {
                // answers in a rotating order: the policy must not change with it
                case "api.example.com" ->
                    List.of(InetAddress.getByName("203.0.113.9"), InetAddress.getByName("203.0.113.2"));
                default -> throw new UnknownHostException(host);
            });

    @Test
    void labelsItsNamespaceIsolatesItAndCountsItsMembers() {
        operator.api().createNamespace("team-a");
        operator.client().resource(model("team-a", "gpt", "research")).create();
        operator.client().resource(model("team-a", "other", null)).create();
        operator.client().resource(cluster("team-a", "research", null)).create();

        await().untilAsserted(() -> {
            LanguageCluster cluster = get("team-a", "research");
            assertThat(cluster.getStatus()).isNotNull();
            assertThat(cluster.getStatus().getPhase()).isEqualTo(ClusterPhase.READY);
            assertThat(cluster.getStatus().getModels()).isEqualTo(1);
            assertThat(cluster.getStatus().getAgents()).isZero();
            assertThat(cluster.getStatus().getObservedGeneration())
                    .isEqualTo(cluster.getMetadata().getGeneration());
        });
        assertThat(operator.client()
                        .namespaces()
                        .withName("team-a")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsEntry("langop.io/cluster", "research");

        NetworkPolicy policy = operator.client()
                .network()
                .networkPolicies()
                .inNamespace("team-a")
                .withName("research-isolation")
                .get();
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        NetworkPolicyPeer sameCluster =
                policy.getSpec().getIngress().getFirst().getFrom().getFirst();
        assertThat(sameCluster.getNamespaceSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/cluster", "research"));
        assertThat(sameCluster.getPodSelector()).isNull();
        assertThat(policy.getSpec().getIngress().getFirst().getPorts())
                .as("every port")
                .isNullOrEmpty();
        var prometheus = policy.getSpec().getIngress().get(1);
        assertThat(prometheus.getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
            assertThat(peer.getPodSelector().getMatchLabels())
                    .isEqualTo(Map.of("app.kubernetes.io/name", "prometheus"));
        });
        assertThat(prometheus.getPorts())
                .as("Prometheus reaches the ports of agents' and proxies' /metrics (http) and tools' (mcp) only")
                .extracting(p -> p.getProtocol() + "/" + p.getPort().getStrVal())
                .containsExactly("TCP/http", "TCP/mcp");
        assertThat(policy.getSpec().getEgress().get(0).getPorts())
                .extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                .containsExactlyInAnyOrder("UDP/53", "TCP/53");
        assertThat(policy.getSpec().getEgress().get(1).getTo()).containsExactly(sameCluster);
        assertThat(policy.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("LanguageCluster");
            assertThat(owner.getUid())
                    .isEqualTo(get("team-a", "research").getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
        });

        operator.client().resource(model("team-a", "claude", "research")).create();
        await().untilAsserted(() ->
                assertThat(get("team-a", "research").getStatus().getModels()).isEqualTo(2));
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
    }

    @Test
    void resolvesEgressNamesSortedAndFailsClosedOnNamesThatDoNotResolve() {
        operator.api().createNamespace("team-b");
        operator.client()
                .resource(cluster(
                        "team-b",
                        "web",
                        List.of(rule(List.of("api.example.com"), 443), rule(List.of("nowhere.invalid"), 443))))
                .create();

        await().untilAsserted(() -> {
            LanguageCluster cluster = get("team-b", "web");
            assertThat(cluster.getStatus()).isNotNull();
            assertThat(cluster.getStatus().getMessage())
                    .contains("nowhere.invalid does not resolve")
                    .contains("egress[1] has no reachable destination and allows nothing");
        });
        NetworkPolicy policy = operator.client()
                .network()
                .networkPolicies()
                .inNamespace("team-b")
                .withName("web-isolation")
                .get();
        // DNS, same cluster, then the one rule that resolved; the other allows nothing (no any-IP rule)
        assertThat(policy.getSpec().getEgress()).hasSize(3);
        assertThat(policy.getSpec().getEgress().get(2).getTo())
                .extracting(peer -> peer.getIpBlock().getCidr())
                .containsExactly("203.0.113.2/32", "203.0.113.9/32");
        assertThat(policy.getSpec().getEgress().get(2).getPorts())
                .extracting(p -> p.getPort().getIntVal())
                .containsExactly(443);
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
    }

    @Test
    void turningIsolationOffRemovesThePolicyAndAMissingNamespaceIsReported() {
        operator.api().createNamespace("team-c");
        operator.client().resource(cluster("team-c", "open", null)).create();
        await().until(() -> operator.client()
                        .network()
                        .networkPolicies()
                        .inNamespace("team-c")
                        .withName("open-isolation")
                        .get()
                != null);

        LanguageCluster cluster = get("team-c", "open");
        cluster.getSpec().setNetwork(new ClusterNetwork());
        cluster.getSpec().getNetwork().setIsolation(false);
        Edits.replaceSpec(operator.client(), cluster);
        await().until(() -> operator.client()
                        .network()
                        .networkPolicies()
                        .inNamespace("team-c")
                        .withName("open-isolation")
                        .get()
                == null);

        operator.client().resource(cluster("no-such-namespace", "lost", null)).create();
        await().untilAsserted(() -> {
            LanguageCluster lost = get("no-such-namespace", "lost");
            assertThat(lost.getStatus()).isNotNull();
            assertThat(lost.getStatus().getPhase()).isEqualTo(ClusterPhase.FAILED);
            assertThat(lost.getStatus().getConditions()).singleElement().satisfies(c -> {
                assertThat(c.getType()).isEqualTo("Ready");
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("NamespaceNotFound");
            });
        });
    }

    @Test
    void givesTheNamespaceItsLabelsBackWhenALabelIsDroppedAndWhenTheClusterIsDeleted() {
        operator.client()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("team-d")
                        .withLabels(Map.of("owner", "ops", "env", "prod"))
                        .endMetadata()
                        .build())
                .create();
        LanguageCluster created = cluster("team-d", "labs", null);
        created.getSpec().setNamespaceLabels(Map.of("env", "staging", "tier", "ai"));
        operator.client().resource(created).create();
        await().untilAsserted(() -> assertThat(labels("team-d"))
                .isEqualTo(Map.of("owner", "ops", "env", "staging", "tier", "ai", "langop.io/cluster", "labs")));
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));

        LanguageCluster changed = get("team-d", "labs");
        changed.getSpec().setNamespaceLabels(Map.of("env", "staging"));
        Edits.replaceSpec(operator.client(), changed);
        await().untilAsserted(() -> assertThat(labels("team-d"))
                .isEqualTo(Map.of("owner", "ops", "env", "staging", "langop.io/cluster", "labs")));

        operator.client().resource(get("team-d", "labs")).delete();
        await().untilAsserted(() -> {
            assertThat(get("team-d", "labs")).isNull();
            Namespace namespace =
                    operator.client().namespaces().withName("team-d").get();
            assertThat(namespace.getMetadata().getLabels()).isEqualTo(Map.of("owner", "ops", "env", "prod"));
            assertThat(namespace.getMetadata().getAnnotations()).isNullOrEmpty();
        });
    }

    @Test
    void aRefusedIsolationPolicyIsInTheStatusUntilItGoesThrough() {
        String ns = "team-refused";
        operator.api().createNamespace(ns);
        try (var refusal = ReconcileFailures.refuseCreating(operator.api(), ns, "networkpolicies")) {
            operator.client().resource(cluster(ns, "research", null)).create();
            var condition = ReconcileFailures.awaitRecorded(operator.client(), LanguageCluster.class, ns, "research");
            assertThat(condition.getMessage()).contains("API server answered 403 for networkpolicies: ");
        }
        ReconcileFailures.awaitCleared(operator.client(), LanguageCluster.class, ns, "research");
        assertThat(operator.client()
                        .network()
                        .networkPolicies()
                        .inNamespace(ns)
                        .list()
                        .getItems())
                .isNotEmpty();
    }

    private static Map<String, String> labels(String namespace) {
        return operator.client()
                .namespaces()
                .withName(namespace)
                .get()
                .getMetadata()
                .getLabels();
    }

    private static LanguageCluster get(String namespace, String name) {
        return operator.client()
                .resources(LanguageCluster.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    static LanguageCluster cluster(String namespace, String name, List<NetworkRule> egress) {
        LanguageCluster cluster = new LanguageCluster();
        cluster.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        cluster.setSpec(new LanguageClusterSpec());
        if (egress != null) {
            cluster.getSpec().setNetwork(new ClusterNetwork());
            cluster.getSpec().getNetwork().setEgress(egress);
        }
        return cluster;
    }

    static NetworkRule rule(List<String> hosts, int port) {
        NetworkRule rule = new NetworkRule();
        rule.setTo(new NetworkPeer());
        rule.getTo().setDns(hosts);
        NetworkPort networkPort = new NetworkPort();
        networkPort.setPort(port);
        rule.setPorts(List.of(networkPort));
        return rule;
    }

    static LanguageModel model(String namespace, String name, String clusterRef) {
        LanguageModel model = new LanguageModel();
        model.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        model.setSpec(new LanguageModelSpec());
        model.getSpec().setProvider(ModelProvider.OPENAI);
        model.getSpec().setModelName("gpt-4o");
        model.getSpec().setClusterRef(clusterRef);
        return model;
    }
}
