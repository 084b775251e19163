package io.langop.operator.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.langop.api.v1alpha1.NetworkPeer;
import io.langop.api.v1alpha1.NetworkPort;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.ServiceReference;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EgressRulesTest {

    private static final Map<String, Map<String, String>> SERVICES = Map.of(
            "data/postgres", Map.of("app", "postgres", "tier", "db"),
            "team/manual", Map.of());

    private final EgressRules rules = new EgressRules(
            new DnsCache(
                    host -> {
                        throw new UnknownHostException(host);
                    },
                    Duration.ofMinutes(5)),
            (namespace, name) -> Optional.ofNullable(SERVICES.get(namespace + "/" + name)));

    @Test
    void aServicePeerBecomesThePodsItSelectsInItsNamespace() {
        EgressRules.Resolved resolved = rules.resolve(List.of(toService("postgres", "data", 5432)), "team");

        assertThat(resolved.notes()).isEmpty();
        assertThat(resolved.rules()).singleElement().satisfies(rule -> {
            NetworkPolicyPeer peer = rule.getTo().getFirst();
            assertThat(rule.getTo()).hasSize(1);
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .isEqualTo(Map.of("kubernetes.io/metadata.name", "data"));
            assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(Map.of("app", "postgres", "tier", "db"));
            assertThat(peer.getIpBlock()).isNull();
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(5432));
        });
    }

    @Test
    void aServiceInTheOwnersNamespaceNeedsNoNamespace() {
        EgressRules.Resolved resolved = rules.resolve(List.of(toService("postgres", null, 5432)), "data");
        assertThat(resolved.rules())
                .singleElement()
                .satisfies(rule -> assertThat(
                                rule.getTo().getFirst().getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", "data"));
    }

    @Test
    void aMissingServiceOrOneWithoutSelectorAllowsNothingAndSaysWhy() {
        EgressRules.Resolved resolved =
                rules.resolve(List.of(toService("absent", "data", 80), toService("manual", null, 80)), "team");

        assertThat(resolved.rules())
                .as("a rule with ports but no peer would allow every address")
                .isEmpty();
        assertThat(resolved.notes())
                .containsExactly(
                        "egress[0]: Service data/absent not found",
                        "egress[0] has no reachable destination and allows nothing",
                        "egress[1]: Service team/manual selects no pods, so its backends cannot be named",
                        "egress[1] has no reachable destination and allows nothing");
    }

    @Test
    void servicePeersAreReadAgainOnTheRefreshInterval() {
        assertThat(EgressRules.namesHosts(List.of(toService("postgres", "data", 5432))))
                .isTrue();
        NetworkRule cidr = new NetworkRule();
        cidr.setTo(new NetworkPeer());
        cidr.getTo().setCidr("10.0.0.0/8");
        assertThat(EgressRules.namesHosts(List.of(cidr))).isFalse();
    }

    private static NetworkRule toService(String name, String namespace, int port) {
        ServiceReference service = new ServiceReference();
        service.setName(name);
        service.setNamespace(namespace);
        NetworkRule rule = new NetworkRule();
        rule.setTo(new NetworkPeer());
        rule.getTo().setService(service);
        NetworkPort networkPort = new NetworkPort();
        networkPort.setPort(port);
        rule.setPorts(List.of(networkPort));
        return rule;
    }
}
