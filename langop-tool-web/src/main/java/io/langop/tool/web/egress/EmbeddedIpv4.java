package io.langop.tool.web.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * IPv6 addresses that carry an IPv4 address a connection ends up at: IPv4-mapped ({@code ::ffff:0:0/96},
 * how dual-stack sockets name IPv4 peers), IPv4-translated ({@code ::ffff:0:0:0/96}, SIIT), NAT64's
 * well-known prefix ({@code 64:ff9b::/96}, what DNS64 answers in IPv6-only clusters) and 6to4
 * ({@code 2002::/16}). Such an address is as reachable as the IPv4 address inside it, so the policy
 * judges that one: {@code 64:ff9b::7f00:1} is loopback, {@code 64:ff9b::808:808} is public.
 *
 * @param kind e.g. "a NAT64", completed with " address" in a refusal
 * @param offset where in the 16 bytes the IPv4 address starts
 */
record EmbeddedIpv4(String kind, Cidr prefix, int offset) {

    private static final List<EmbeddedIpv4> MECHANISMS = List.of(
            new EmbeddedIpv4("an IPv4-mapped", Cidr.parse("::ffff:0:0/96"), 12),
            new EmbeddedIpv4("an IPv4-translated", Cidr.parse("::ffff:0:0:0/96"), 12),
            new EmbeddedIpv4("a NAT64", Cidr.parse("64:ff9b::/96"), 12),
            new EmbeddedIpv4("a 6to4", Cidr.parse("2002::/16"), 2));

    /** The mechanism {@code address} belongs to, if it is one of them. */
    static Optional<EmbeddedIpv4> of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        return MECHANISMS.stream()
                .filter(mechanism -> mechanism.prefix.contains(address))
                .findFirst();
    }

    /** The IPv4 address inside {@code address}, which must be one of this mechanism's. */
    Inet4Address ipv4In(InetAddress address) {
        byte[] bytes = Arrays.copyOfRange(address.getAddress(), offset, offset + 4);
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
        }
    }
}
