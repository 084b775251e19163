package io.langop.tool.web.egress;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks the web tools never reach unless an operator allows them: every block of the
 * IANA IPv4 and IPv6 Special-Purpose Address Registries that is not globally reachable, plus multicast,
 * the cloud metadata endpoints, and the few globally reachable special blocks that no web page lives
 * at (anycast protocol services, Teredo). Blocks that embed an IPv4 address in a usable way (IPv4-mapped,
 * NAT64, 6to4) are not here: {@link EmbeddedIpv4} judges them by the address they carry.
 */
final class SpecialPurposeBlocks {

    /** Most specific first, so the reason given is the most telling one. */
    private static final List<Block> BLOCKS = List.of(
            new Block("a cloud metadata", "169.254.169.254/32", "fd00:ec2::254/128", "100.100.100.200/32"),
            new Block("a loopback", "127.0.0.0/8", "::1/128"),
            new Block("an unspecified", "0.0.0.0/8", "::/128"),
            new Block("a private", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"),
            new Block("a carrier-grade NAT", "100.64.0.0/10"),
            new Block("a link-local", "169.254.0.0/16", "fe80::/10"),
            new Block("a unique-local", "fc00::/7"),
            new Block("a site-local", "fec0::/10"),
            new Block(
                    "a documentation",
                    "192.0.2.0/24",
                    "198.51.100.0/24",
                    "203.0.113.0/24",
                    "2001:db8::/32",
                    "3fff::/20"),
            new Block("a benchmarking", "198.18.0.0/15", "2001:2::/48"),
            // Teredo embeds a client address obfuscated behind a relay; nothing on the web needs it.
            new Block("a Teredo", "2001::/32"),
            new Block("an IETF protocol assignment", "192.0.0.0/24", "2001::/23"),
            new Block("a deprecated 6to4 relay anycast", "192.88.99.0/24"),
            new Block("an AS112 DNS sink", "192.31.196.0/24", "192.175.48.0/24", "2620:4f:8000::/48"),
            new Block("an AMT relay anycast", "192.52.193.0/24"),
            new Block("a local-use NAT64", "64:ff9b:1::/48"),
            new Block("a discard-only", "100::/64"),
            new Block("a dummy", "100:0:0:1::/64"),
            new Block("an SRv6 segment identifier", "5f00::/16"),
            // Deprecated (RFC 4291) and never routed; :: and ::1 above are inside it.
            new Block("a deprecated IPv4-compatible", "::/96"),
            new Block("a multicast", "224.0.0.0/4", "ff00::/8"),
            new Block("a reserved", "240.0.0.0/4"));

    private SpecialPurposeBlocks() {}

    /** The kind of block {@code address} is in, e.g. "a loopback", or empty when it is in none. */
    static Optional<String> kindOf(InetAddress address) {
        return BLOCKS.stream()
                .filter(block -> block.contains(address))
                .findFirst()
                .map(Block::kind);
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
