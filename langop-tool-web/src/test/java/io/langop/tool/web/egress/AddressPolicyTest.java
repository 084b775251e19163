package io.langop.tool.web.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default policy against the IANA IPv4 and IPv6 Special-Purpose Address Registries, one row per
 * block (its first and, where it tells something, its last address), and against the IPv6 forms that
 * carry an IPv4 address.
 */
class AddressPolicyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # IPv4 registry
        0.0.0.0                | an unspecified address
        0.255.255.255          | an unspecified address
        10.1.2.3               | a private address
        100.64.0.1             | a carrier-grade NAT address
        100.127.255.254        | a carrier-grade NAT address
        127.0.0.1              | a loopback address
        127.255.0.9            | a loopback address
        169.254.10.10          | a link-local address
        169.254.169.254        | a cloud metadata address
        100.100.100.200        | a cloud metadata address
        172.16.0.1             | a private address
        172.31.255.254         | a private address
        192.0.0.1              | an IETF protocol assignment address
        192.0.0.170            | an IETF protocol assignment address
        192.0.2.1              | a documentation address
        192.31.196.1           | an AS112 DNS sink address
        192.52.193.1           | an AMT relay anycast address
        192.88.99.1            | a deprecated 6to4 relay anycast address
        192.168.1.1            | a private address
        192.175.48.1           | an AS112 DNS sink address
        198.18.0.1             | a benchmarking address
        198.19.255.254         | a benchmarking address
        198.51.100.7           | a documentation address
        203.0.113.9            | a documentation address
        224.0.0.1              | a multicast address
        239.255.255.250        | a multicast address
        240.0.0.1              | a reserved address
        255.255.255.255        | a reserved address
        # IPv6 registry
        ::                     | an unspecified address
        ::1                    | a loopback address
        ::7f00:1               | a deprecated IPv4-compatible address
        ::808:808              | a deprecated IPv4-compatible address
        64:ff9b:1::a00:1       | a local-use NAT64 address
        100::1                 | a discard-only address
        100:0:0:1::1           | a dummy address
        2001::1                | a Teredo address
        2001:0:4136:e378::1    | a Teredo address
        2001:1::1              | an IETF protocol assignment address
        2001:2::1              | a benchmarking address
        2001:10::1             | an IETF protocol assignment address
        2001:db8::1            | a documentation address
        2620:4f:8000::1        | an AS112 DNS sink address
        3fff::1                | a documentation address
        5f00::1                | an SRv6 segment identifier address
        fc00::1                | a unique-local address
        fd12:3456::1           | a unique-local address
        fd00:ec2::254          | a cloud metadata address
        fe80::1                | a link-local address
        febf::1                | a link-local address
        fec0::1                | a site-local address
        ff02::1                | a multicast address
        # IPv6 forms carrying an IPv4 address are judged by that address
        ::ffff:127.0.0.1       | a loopback address
        ::ffff:0:a00:1         | an IPv4-translated address carrying 10.0.0.1, a private address
        64:ff9b::7f00:1        | a NAT64 address carrying 127.0.0.1, a loopback address
        64:ff9b::a9fe:a9fe     | a NAT64 address carrying 169.254.169.254, a cloud metadata address
        2002:a00:1::1          | a 6to4 address carrying 10.0.0.1, a private address
        2002:7f00:1::          | a 6to4 address carrying 127.0.0.1, a loopback address
        2002:c0a8:101:1::1     | a 6to4 address carrying 192.168.1.1, a private address
        """)
    void refusesEverySpecialPurposeBlockByDefault(String address, String reason) {
        assertThat(AddressPolicy.publicOnly().refusal(InetAddress.ofLiteral(address)))
                .contains(reason);
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource({
        "93.184.216.34",
        "8.8.8.8",
        "172.32.0.1",
        "100.128.0.1",
        "192.0.1.1",
        "198.20.0.1",
        "223.255.255.255",
        "2606:4700::1111",
        "2620:4f:8001::1",
        "2001:4860:4860::8888",
        // NAT64 (DNS64 clusters) and 6to4 of public IPv4 addresses stay reachable
        "64:ff9b::808:808",
        "2002:808:808::1",
        "::ffff:8.8.8.8"
    })
    void letsPublicAddressesThrough(String address) {
        assertThat(AddressPolicy.publicOnly().refusal(InetAddress.ofLiteral(address)))
                .isEmpty();
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4Address() throws UnknownHostException {
        // The JDK turns a mapped literal into an Inet4Address; a resolver may hand over the IPv6 form.
        byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        byte[] mappedPublic = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};

        assertThat(AddressPolicy.publicOnly().refusal(Inet6Address.getByAddress(null, mappedLoopback, -1)))
                .contains("an IPv4-mapped address carrying 127.0.0.1, a loopback address");
        assertThat(AddressPolicy.publicOnly().refusal(Inet6Address.getByAddress(null, mappedPublic, -1)))
                .isEmpty();
    }

    @Test
    void theAllowListOpensExactlyItsNetworks() {
        AddressPolicy policy = AddressPolicy.allowing(" 10.20.0.0/16 , 127.0.0.1, fd00::/8");

        assertThat(policy.refusal(InetAddress.ofLiteral("10.20.3.4"))).isEmpty();
        assertThat(policy.refusal(InetAddress.ofLiteral("10.21.0.1"))).contains("a private address");
        assertThat(policy.refusal(InetAddress.ofLiteral("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.ofLiteral("127.0.0.2"))).contains("a loopback address");
        assertThat(policy.refusal(InetAddress.ofLiteral("fd00::5"))).isEmpty();
        assertThat(policy.refusal(InetAddress.ofLiteral("169.254.169.254"))).contains("a cloud metadata address");
        // An allowed IPv4 network is reachable through NAT64 as well.
        assertThat(policy.refusal(InetAddress.ofLiteral("64:ff9b::a14:304"))).isEmpty();
    }

    @Test
    void allowListEntriesMustBeAddressesNotNames() {
        assertThatThrownBy(() -> AddressPolicy.allowing("intranet.example.com"))
                .hasMessage("'intranet.example.com' is not an IP address or CIDR network");
        assertThatThrownBy(() -> AddressPolicy.allowing("10.0.0.0/33")).hasMessage("prefix length 33 is outside 0-32");
        assertThatThrownBy(() -> AddressPolicy.allowing("10.0.0.0/x"))
                .hasMessage("'10.0.0.0/x' is not an IP address or CIDR network");
        assertThat(AddressPolicy.allowing("  ")).isEqualTo(AddressPolicy.publicOnly());
        assertThat(Cidr.parse("::ffff:0:0/96").toString()).isEqualTo("0:0:0:0:0:ffff:0:0/96");
    }
}
