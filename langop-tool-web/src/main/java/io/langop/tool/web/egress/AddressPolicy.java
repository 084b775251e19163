package io.langop.tool.web.egress;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the web tools may connect to: public ones, plus the networks an operator allowed
 * explicitly. Everything that reaches inside the cluster, the node or the cloud account is refused
 * by default — loopback, private (RFC 1918), carrier-grade NAT, link-local (where cloud metadata
 * services live), unique-local IPv6, unspecified, multicast, and every other special-purpose block
 * ({@link SpecialPurposeBlocks}). An IPv6 address that carries an IPv4 address (IPv4-mapped, NAT64,
 * 6to4: {@link EmbeddedIpv4}) is judged by the IPv4 address it carries.
 */
public record AddressPolicy(List<Cidr> allowed) {

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
        return new AddressPolicy(Arrays.stream(commaSeparated.split(",", -1))
                .filter(s -> !s.isBlank())
                .map(Cidr::parse)
                .toList());
    }

    /**
     * Why {@code address} may not be contacted (e.g. "a loopback address", or "a NAT64 address carrying
     * 127.0.0.1, a loopback address"), or empty when it may.
     */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(cidr -> cidr.contains(address))) {
            return Optional.empty();
        }
        Optional<EmbeddedIpv4> embedding = EmbeddedIpv4.of(address);
        if (embedding.isPresent()) {
            InetAddress carried = embedding.get().ipv4In(address);
            return refusal(carried)
                    .map(reason ->
                            embedding.get().kind() + " address carrying " + carried.getHostAddress() + ", " + reason);
        }
        return SpecialPurposeBlocks.kindOf(address).map(kind -> kind + " address");
    }
}
