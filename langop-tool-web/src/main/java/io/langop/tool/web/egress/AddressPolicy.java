package io.langop.tool.web.egress;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the web tools may connect to: public ones, plus the networks an operator allowed
 * explicitly. Everything that reaches inside the cluster, the node or the cloud account is refused
 * by default — loopback, private (RFC 1918), carrier-grade NAT, link-local (where cloud metadata
 * services live), unique-local IPv6, unspecified and multicast addresses.
 */
public record AddressPolicy(List<Cidr> allowed) {

    /** Named blocks, most specific first so the reason given is the most telling one. */
    private static final List<Block> BLOCKED = List.of(
            new Block("a cloud metadata", "169.254.169.254/32", "fd00:ec2::254/128", "100.100.100.200/32"),
            new Block("a loopback", "127.0.0.0/8", "::1/128"),
            new Block("an unspecified", "0.0.0.0/8", "::/128"),
            new Block("a private", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"),
            new Block("a carrier-grade NAT", "100.64.0.0/10"),
            new Block("a link-local", "169.254.0.0/16", "fe80::/10"),
            new Block("a unique-local", "fc00::/7"),
            new Block("a multicast or reserved", "224.0.0.0/3", "ff00::/8"));

    public AddressPolicy {
        allowed = List.copyOf(allowed);
    }

    /** Only public addresses. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of());
    }

    /** Parses a comma-separated allow-list such as {@code 10.1.0.0/16, 127.0.0.1}; blank means none. */
    public static AddressPolicy allowing(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return publicOnly();
        }
        return new AddressPolicy(Arrays.stream(commaSeparated.split(","))
                .filter(s -> !s.isBlank())
                .map(Cidr::parse)
                .toList());
    }

    /** Why {@code address} may not be contacted (e.g. "a loopback address"), or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(cidr -> cidr.contains(address))) {
            return Optional.empty();
        }
        return BLOCKED.stream()
                .filter(block -> block.contains(address))
                .findFirst()
                .map(block -> block.kind + " address");
    }

    private record Block(String kind, List<Cidr> networks) {
        Block(String kind, String... networks) {
            this(kind, Arrays.stream(networks).map(Cidr::parse).toList());
        }

        boolean contains(InetAddress address) {
            return networks.stream().anyMatch(cidr -> cidr.contains(address));
        }
    }
}
