package io.langop.operator.egress;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.langop.api.v1alpha1.NetworkPeer;
import io.langop.api.v1alpha1.NetworkPort;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.ServiceReference;
import io.langop.operator.kube.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the {@code egress} rules of a spec into NetworkPolicy egress rules. It fails closed: a rule
 * whose destinations do not resolve is left out entirely, because a NetworkPolicy rule with ports
 * but no peers would allow those ports to every address. Everything that narrows or drops a rule
 * is reported as a note for the owner's status.
 */
public final class EgressRules {

    public static final String GROUP_LABEL = "langop.io/group";
    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    /** NetworkPolicy rules and what the owner should be told about them. */
    public record Resolved(List<NetworkPolicyEgressRule> rules, List<String> notes) {}

    private final DnsCache dns;
    private final ServiceSelectors services;

    public EgressRules(DnsCache dns, ServiceSelectors services) {
        this.dns = dns;
        this.services = services;
    }

    /**
     * How long resolved names and Service selectors are trusted: owners whose rules name hosts or
     * Services are reconciled again after it.
     */
    public java.time.Duration refresh() {
        return dns.refresh();
    }

    /**
     * Whether any rule names hosts or Services, whose addresses and selectors are read at reconcile
     * time, so that its policy must follow their changes.
     */
    public static boolean namesHosts(List<NetworkRule> rules) {
        return rules != null
                && rules.stream()
                        .anyMatch(r -> r.getTo() != null
                                && (r.getTo().getDns() != null || r.getTo().getService() != null));
    }

    public Resolved resolve(List<NetworkRule> rules, String ownerNamespace) {
        List<NetworkPolicyEgressRule> resolved = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (rules == null) {
            return new Resolved(resolved, notes);
        }
        for (int i = 0; i < rules.size(); i++) {
            rule(rules.get(i), ownerNamespace, "egress[" + i + "]", notes).ifPresent(resolved::add);
        }
        return new Resolved(resolved, notes);
    }

    /**
     * The way to one host (a {@code to.dns} name, resolved as those are) on one TCP port, for a component's own
     * destination such as the dashboard's OIDC issuer; its notes name it {@code label}.
     */
    public Resolved toHost(String host, int port, String label) {
        NetworkPeer to = new NetworkPeer();
        to.setDns(List.of(host));
        NetworkPort tcp = new NetworkPort();
        tcp.setPort(port);
        NetworkRule rule = new NetworkRule();
        rule.setTo(to);
        rule.setPorts(List.of(tcp));
        List<String> notes = new ArrayList<>();
        return new Resolved(rule(rule, null, label, notes).stream().toList(), notes);
    }

    private Optional<NetworkPolicyEgressRule> rule(
            NetworkRule rule, String ownerNamespace, String label, List<String> notes) {
        if (rule.getTo() == null) {
            notes.add(label + " has no destination and allows nothing");
            return Optional.empty();
        }
        List<NetworkPolicyPeer> peers = peers(rule.getTo(), ownerNamespace, label, notes);
        if (peers.isEmpty()) {
            notes.add(label + " has no reachable destination and allows nothing");
            return Optional.empty();
        }
        return Optional.of(new NetworkPolicyEgressRuleBuilder()
                .withTo(peers)
                .withPorts(ports(rule.getPorts()))
                .build());
    }

    private List<NetworkPolicyPeer> peers(NetworkPeer to, String ownerNamespace, String label, List<String> notes) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        if (to.getCidr() != null) {
            peers.add(ipBlock(to.getCidr()));
        }
        if (to.getDns() != null) {
            List<String> cidrs = new ArrayList<>();
            for (String host : to.getDns()) {
                DnsCache.Answer answer = dns.resolve(host);
                if (!answer.resolved()) {
                    notes.add(label + ": " + answer.failure());
                } else if (DnsCache.isWildcard(host)) {
                    notes.add(label + ": " + host + " allows only the addresses of " + DnsCache.baseName(host)
                            + ", not of its subdomains");
                }
                cidrs.addAll(answer.cidrs());
            }
            cidrs.stream().distinct().sorted().map(EgressRules::ipBlock).forEach(peers::add);
        }
        if (to.getGroup() != null) {
            peers.add(new NetworkPolicyPeerBuilder()
                    .withPodSelector(new LabelSelectorBuilder()
                            .withMatchLabels(Map.of(GROUP_LABEL, to.getGroup()))
                            .build())
                    .build());
        }
        if (to.getNamespaceSelector() != null || to.getPodSelector() != null) {
            peers.add(new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(to.getNamespaceSelector())
                    .withPodSelector(to.getPodSelector())
                    .build());
        }
        if (to.getService() != null) {
            servicePeer(to.getService(), ownerNamespace, label, notes).ifPresent(peers::add);
        }
        return peers;
    }

    /**
     * Traffic to a Service goes to the pods it selects (after kube-proxy's translation), so the peer is
     * those pods in the Service's namespace. A Service that does not exist or selects no pods (its
     * endpoints are managed by hand) allows nothing.
     */
    private Optional<NetworkPolicyPeer> servicePeer(
            ServiceReference ref, String ownerNamespace, String label, List<String> notes) {
        String namespace =
                ref.getNamespace() == null || ref.getNamespace().isBlank() ? ownerNamespace : ref.getNamespace();
        String service = namespace + "/" + ref.getName();
        Optional<Map<String, String>> selector = services.selectorOf(namespace, ref.getName());
        if (selector.isEmpty()) {
            notes.add(label + ": Service " + service + " not found");
            return Optional.empty();
        }
        if (selector.get().isEmpty()) {
            notes.add(label + ": Service " + service + " selects no pods, so its backends cannot be named");
            return Optional.empty();
        }
        return Optional.of(podsIn(namespace, new TreeMap<>(selector.get())));
    }

    private static List<NetworkPolicyPort> ports(List<NetworkPort> ports) {
        if (ports == null) {
            return List.of();
        }
        return ports.stream()
                .map(p -> new NetworkPolicyPortBuilder()
                        .withProtocol(
                                p.getProtocol() == null
                                        ? "TCP"
                                        : p.getProtocol().name())
                        .withPort(new IntOrString(p.getPort()))
                        .build())
                .sorted(Comparator.comparing(NetworkPolicyPort::getProtocol)
                        .thenComparing(p -> p.getPort().getIntVal()))
                .toList();
    }

    public static NetworkPolicyPeer ipBlock(String cidr) {
        return new NetworkPolicyPeerBuilder()
                .withNewIpBlock()
                .withCidr(cidr)
                .endIpBlock()
                .build();
    }

    /** DNS to any resolver: cluster DNS may run as node-local caches outside kube-system. */
    public static NetworkPolicyEgressRule dns() {
        return new NetworkPolicyEgressRuleBuilder()
                .addNewPort()
                .withProtocol("UDP")
                .withPort(new IntOrString(53))
                .endPort()
                .addNewPort()
                .withProtocol("TCP")
                .withPort(new IntOrString(53))
                .endPort()
                .build();
    }

    /** Every pod of every namespace that belongs to the LanguageCluster. */
    public static NetworkPolicyPeer clusterPeer(String cluster) {
        return new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(new LabelSelectorBuilder()
                        .withMatchLabels(Map.of(Labels.CLUSTER, cluster))
                        .build())
                .build();
    }

    /** The pods matching {@code selector} in one namespace. */
    public static NetworkPolicyPeer podsIn(String namespace, Map<String, String> selector) {
        return new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(new LabelSelectorBuilder()
                        .withMatchLabels(Map.of(NAMESPACE_NAME_LABEL, namespace))
                        .build())
                .withPodSelector(
                        new LabelSelectorBuilder().withMatchLabels(selector).build())
                .build();
    }
}
