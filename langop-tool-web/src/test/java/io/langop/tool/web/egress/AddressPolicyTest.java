package io.langop.tool.web.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, a loopback address",
        "127.255.0.9, a loopback address",
        "::1, a loopback address",
        "0.0.0.0, an unspecified address",
        "::, an unspecified address",
        "10.1.2.3, a private address",
        "172.16.0.1, a private address",
        "172.31.255.254, a private address",
        "192.168.1.1, a private address",
        "100.64.0.1, a carrier-grade NAT address",
        "169.254.169.254, a cloud metadata address",
        "100.100.100.200, a cloud metadata address",
        "fd00:ec2::254, a cloud metadata address",
        "169.254.10.10, a link-local address",
        "fe80::1, a link-local address",
        "fd12:3456::1, a unique-local address",
        "224.0.0.1, a multicast or reserved address",
        "255.255.255.255, a multicast or reserved address",
        "::ffff:127.0.0.1, a loopback address"
    })
    void refusesInternalAddressesByDefault(String address, String reason) throws UnknownHostException {
        assertThat(AddressPolicy.publicOnly().refusal(InetAddress.getByName(address)))
                .contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "100.128.0.1"})
    void letsPublicAddressesThrough(String address) throws UnknownHostException {
        assertThat(AddressPolicy.publicOnly().refusal(InetAddress.getByName(address)))
                .isEmpty();
    }

    @Test
    void theAllowListOpensExactlyItsNetworks() throws UnknownHostException {
        AddressPolicy policy = AddressPolicy.allowing(" 10.20.0.0/16 , 127.0.0.1, fd00::/8");

        assertThat(policy.refusal(InetAddress.getByName("10.20.3.4"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.21.0.1"))).contains("a private address");
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.2"))).contains("a loopback address");
        assertThat(policy.refusal(InetAddress.getByName("fd00::5"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("169.254.169.254"))).contains("a cloud metadata address");
    }

    @Test
    void allowListEntriesMustBeAddressesNotNames() {
        assertThatThrownBy(() -> AddressPolicy.allowing("intranet.example.com"))
                .hasMessage("'intranet.example.com' is not an IP address or CIDR network");
        assertThatThrownBy(() -> AddressPolicy.allowing("10.0.0.0/33")).hasMessage("prefix length 33 is outside 0-32");
        assertThat(AddressPolicy.allowing("  ")).isEqualTo(AddressPolicy.publicOnly());
    }
}
