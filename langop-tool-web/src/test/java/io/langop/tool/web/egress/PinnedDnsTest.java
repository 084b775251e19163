package io.langop.tool.web.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PinnedDnsTest {

    @Test
    void isTheResolverOfThisJvm() {
        assertThat(PinnedDns.installed()).isTrue();
    }

    @Test
    void aPinnedNameKeepsItsCheckedAnswerWhileARebindingServerChangesIt() throws Exception {
        InetAddress publicAddress = InetAddress.ofLiteral("93.184.216.34");
        InetAddress loopback = InetAddress.ofLiteral("127.0.0.1");
        // A hostile name server: the first answer passes the check, every later one points inside.
        Deque<InetAddress> answers = new ArrayDeque<>(List.of(publicAddress, loopback, loopback));
        HostLookup rebinding = host -> List.of(answers.pop());
        var resolver = new PinnedDns.PinningResolver(new ScriptedResolver(answers));

        try (PinnedDns.Pin pin = PinnedDns.pin("rebind.example", rebinding)) {
            assertThat(pin.addresses()).containsExactly(publicAddress);
            assertThat(resolver.lookupByName("rebind.example", null)).containsExactly(publicAddress);
            assertThat(resolver.lookupByName("REBIND.example", null)).containsExactly(publicAddress);
        }
        assertThat(resolver.lookupByName("rebind.example", null)).containsExactly(loopback);
    }

    @Test
    void theJvmResolvesAPinnedNameToItsPin() throws Exception {
        InetAddress documentation = InetAddress.ofLiteral("192.0.2.7");

        try (PinnedDns.Pin pin = PinnedDns.pin("pinned-only.invalid", host -> List.of(documentation))) {
            assertThat(InetAddress.getAllByName("pinned-only.invalid")).containsExactly(documentation);
        }
    }

    @Test
    void nestedPinsShareTheFirstAnswerUntilTheLastCloses() throws Exception {
        InetAddress first = InetAddress.ofLiteral("192.0.2.1");
        InetAddress second = InetAddress.ofLiteral("192.0.2.2");
        var resolver = new PinnedDns.PinningResolver(new ScriptedResolver(new ArrayDeque<>(List.of(second))));

        try (PinnedDns.Pin outer = PinnedDns.pin("nested.example", host -> List.of(first))) {
            try (PinnedDns.Pin inner = PinnedDns.pin("nested.example", host -> List.of(second))) {
                assertThat(inner.addresses()).containsExactly(first);
            }
            assertThat(resolver.lookupByName("nested.example", null)).containsExactly(first);
        }
        assertThat(resolver.lookupByName("nested.example", null)).containsExactly(second);
    }

    /** Plays the JDK's resolver: answers from a script. */
    private record ScriptedResolver(Deque<InetAddress> answers) implements InetAddressResolver {
        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy lookupPolicy) throws UnknownHostException {
            if (answers.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return Stream.of(answers.peek());
        }

        @Override
        public String lookupByAddress(byte[] address) throws UnknownHostException {
            throw new UnknownHostException();
        }
    }
}
