package io.langop.tool.web.egress;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a /32 or /128. */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0-" + bits);
        }
    }

    /** Parses {@code address[/prefix]}; only IP literals are accepted, never host names. */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network");
        }
        InetAddress network;
        int prefix;
        try {
            network = literal(address);
            prefix = slash < 0 ? network.getAddress().length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (IllegalArgumentException | UnknownHostException e) { // NumberFormatException included
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network", e);
        }
        return new Cidr(network, prefix);
    }

    /**
     * The address a literal names, IPv6 literals kept IPv6: the JDK turns {@code ::ffff:0:0} into the
     * IPv4 address {@code 0.0.0.0}, which would make {@code ::ffff:0:0/96} an invalid IPv4 network.
     */
    private static InetAddress literal(String address) throws UnknownHostException {
        InetAddress parsed = InetAddress.ofLiteral(address);
        if (address.contains(":") && parsed instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return Inet6Address.getByAddress(null, mapped, -1);
        }
        return parsed;
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] base = network.getAddress();
        if (candidate.length != base.length) {
            return false;
        }
        int bits = base.length * 8;
        BigInteger mask = BigInteger.ONE
                .shiftLeft(bits)
                .subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE));
        return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, base).and(mask));
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
