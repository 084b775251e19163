package io.langop.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listening address: with one address chosen, the proxy answers on it and nowhere else. Both addresses are on
 * loopback (Linux routes all of 127.0.0.0/8 there), so the test needs no other interface.
 */
class BindAddressTest {

    private static final InetAddress CHOSEN = InetAddress.ofLiteral("127.0.0.1");
    private static final InetAddress OTHER = InetAddress.ofLiteral("127.0.0.2");

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = Files.writeString(dir.resolve("proxy.yaml"), "models: []\n");
    }

    @Test
    void listensOnlyOnTheChosenAddress() throws IOException {
        try (ModelProxy proxy = ModelProxy.start(config, new InetSocketAddress(CHOSEN, 0), Duration.ofMinutes(1))) {
            assertThat(proxy.address().getAddress()).isEqualTo(CHOSEN);
            assertThat(proxy.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(health(CHOSEN, proxy.port())).startsWith("HTTP/1.1 200 ");
            assertThatThrownBy(() -> health(OTHER, proxy.port())).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void listensOnEveryInterfaceWithoutAChosenAddress() throws IOException {
        // The counterpart of the test above: the other address does reach a proxy that listens everywhere.
        try (ModelProxy proxy = ModelProxy.start(config, new InetSocketAddress(0), Duration.ofMinutes(1))) {
            assertThat(proxy.address().getAddress().isAnyLocalAddress()).isTrue();
            assertThat(health(OTHER, proxy.port())).startsWith("HTTP/1.1 200 ");
        }
    }

    private static String health(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
