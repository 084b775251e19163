package io.langop.proxy.upstream;

import static io.langop.proxy.testing.SocketUpstream.readRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.langop.proxy.testing.SocketUpstream;
import io.langop.proxy.transport.EventLoops;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamClientTest {

    private static final byte[] BODY = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private final EventLoops loops = new EventLoops();

    @AfterEach
    void stop() {
        loops.close();
    }

    @Test
    void callsAnHttpsUpstreamItTrustsAndChecksTheHostName() throws Exception {
        KeyStore keys = selfSigned(dir.resolve("upstream.p12"));
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            byte[] answer = ("{\"host\":\"" + exchange.getRequestHeaders().getFirst("Host") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        try (UpstreamClient trusting = new UpstreamClient(
                        loops,
                        Duration.ofSeconds(2),
                        SslContextBuilder.forClient()
                                .sslProvider(SslProvider.JDK)
                                .trustManager(trust)
                                .build(),
                        Duration.ofSeconds(30),
                        new UpstreamResolver());
                UpstreamClient standard = new UpstreamClient(loops, Duration.ofSeconds(2))) {
            UpstreamClient.Reply reply =
                    trusting.send(post("https://localhost:" + port + "/v1/chat"), Duration.ofSeconds(5), false);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(new String(reply.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"host\":\"localhost:" + port + "\"}");

            // The certificate names localhost only.
            assertThatThrownBy(() ->
                            trusting.send(post("https://127.0.0.1:" + port + "/v1/chat"), Duration.ofSeconds(5), false))
                    .isInstanceOf(IOException.class);
            // The JDK's trust store does not know the self-signed authority.
            assertThatThrownBy(() ->
                            standard.send(post("https://localhost:" + port + "/v1/chat"), Duration.ofSeconds(5), false))
                    .isInstanceOf(IOException.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sendsAgainOnANewConnectionWhenAPooledOneWasClosedByTheServer() throws Exception {
        // Each connection answers its first request and closes when the second one arrives, unanswered: what a
        // server's idle keep-alive timeout looks like from the client.
        try (SocketUpstream server = new SocketUpstream(UpstreamClientTest::answerFirstRequestOnly);
                UpstreamClient client = new UpstreamClient(loops, Duration.ofSeconds(2))) {
            EventLoop loop = loops.workers().next();

            // Both from one event loop, so the second request goes out on the first one's pooled connection.
            assertThat(sendFrom(loop, client, server.url("/v1/chat")).status()).isEqualTo(200);
            assertThat(sendFrom(loop, client, server.url("/v1/chat")).status()).isEqualTo(200);
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void closesPooledConnectionsThatIdleTooLong() throws Exception {
        CountDownLatch closedByClient = new CountDownLatch(1);
        try (SocketUpstream server = new SocketUpstream(socket -> {
                    answerFirstRequestOnly(socket);
                    closedByClient.countDown(); // waiting for a second request ended: the client closed the connection
                });
                UpstreamClient client = new UpstreamClient(
                        loops,
                        Duration.ofSeconds(2),
                        UpstreamClient.defaultTls(),
                        Duration.ofMillis(300),
                        new UpstreamResolver())) {
            EventLoop loop = loops.workers().next();

            assertThat(sendFrom(loop, client, server.url("/v1/chat")).status()).isEqualTo(200);
            assertThat(closedByClient.await(5, TimeUnit.SECONDS))
                    .as("the idle connection was closed")
                    .isTrue();
            // The loop's pool still holds the closed connection: the next request must open a new one.
            assertThat(sendFrom(loop, client, server.url("/v1/chat")).status()).isEqualTo(200);
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void dropsThePoolsOfUpstreamsNoLongerConfigured() throws Exception {
        CountDownLatch droppedClosed = new CountDownLatch(1);
        try (SocketUpstream dropped = new SocketUpstream(socket -> {
                    answerUntilClosed(socket);
                    droppedClosed.countDown();
                });
                SocketUpstream kept = new SocketUpstream(UpstreamClientTest::answerUntilClosed);
                UpstreamClient client = new UpstreamClient(loops, Duration.ofSeconds(2))) {
            EventLoop loop = loops.workers().next();
            assertThat(sendFrom(loop, client, dropped.url("/v1/chat")).status()).isEqualTo(200);
            assertThat(sendFrom(loop, client, kept.url("/v1/chat")).status()).isEqualTo(200);
            assertThat(client.poolCount()).isEqualTo(2);

            client.retainOnly(List.of(URI.create(kept.url("/v1/chat"))));

            assertThat(client.poolCount()).isEqualTo(1);
            assertThat(droppedClosed.await(5, TimeUnit.SECONDS))
                    .as("the dropped pool's connection closed")
                    .isTrue();
            assertThat(sendFrom(loop, client, kept.url("/v1/chat")).status()).isEqualTo(200);
            assertThat(kept.connections.get())
                    .as("the kept pool's connection reused")
                    .isEqualTo(1);
        }
    }

    @Test
    void failsTheReadsOfAStreamThatFallsSilentForLongerThanTheTimeout() throws Exception {
        try (SocketUpstream server = new SocketUpstream(socket -> {
                    try (socket) {
                        readRequest(socket.getInputStream());
                        socket.getOutputStream().write("""
                                        HTTP/1.1 200 OK\r
                                        Content-Type: text/event-stream\r
                                        Transfer-Encoding: chunked\r
                                        \r
                                        6\r
                                        data: \r
                                        """.getBytes(StandardCharsets.UTF_8));
                        Thread.sleep(10_000);
                    } catch (IOException | InterruptedException ignored) {
                        // the client gave up
                    }
                });
                UpstreamClient client = new UpstreamClient(loops, Duration.ofSeconds(2))) {
            UpstreamClient.Reply reply = client.send(post(server.url("/v1/chat")), Duration.ofMillis(300), true);
            long started = System.nanoTime();
            try (InputStream stream = reply.stream()) {
                assertThat(stream.readNBytes(6)).isEqualTo("data: ".getBytes(StandardCharsets.UTF_8));
                assertThatThrownBy(stream::read).isInstanceOf(UpstreamClient.UpstreamTimeoutException.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
        }
    }

    @Test
    void skipsInterimAnswersAndReadsTheFinalOne() throws Exception {
        try (SocketUpstream server = new SocketUpstream(socket -> {
                    try (socket) {
                        readRequest(socket.getInputStream());
                        socket.getOutputStream().write("""
                                        HTTP/1.1 100 Continue\r
                                        \r
                                        HTTP/1.1 103 Early Hints\r
                                        Link: </style.css>; rel=preload\r
                                        \r
                                        HTTP/1.1 200 OK\r
                                        Content-Type: application/json\r
                                        Content-Length: 11\r
                                        Connection: close\r
                                        \r
                                        {"final":1}\
                                        """.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException clientGone) {
                        // nothing more to answer
                    }
                });
                UpstreamClient client = new UpstreamClient(loops, Duration.ofSeconds(2))) {
            String url = server.url("/v1/chat");

            UpstreamClient.Reply whole = client.send(post(url), Duration.ofSeconds(5), false);
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.body()).asString(StandardCharsets.UTF_8).isEqualTo("{\"final\":1}");
            UpstreamClient.Reply streamed = client.send(post(url), Duration.ofSeconds(5), true);
            assertThat(streamed.status()).isEqualTo(200);
            try (InputStream stream = streamed.stream()) {
                assertThat(stream.readAllBytes())
                        .asString(StandardCharsets.UTF_8)
                        .isEqualTo("{\"final\":1}");
            }
        }
    }

    @Test
    void refusesAConnectionItCannotMakeWithAnIoError() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (UpstreamClient client = new UpstreamClient(loops, Duration.ofSeconds(2))) {
            assertThatThrownBy(() ->
                            client.send(post("http://127.0.0.1:" + closedPort + "/v1"), Duration.ofSeconds(5), false))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(UpstreamClient.UpstreamTimeoutException.class);
        }
    }

    private static void answerFirstRequestOnly(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            readRequest(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            readRequest(in);
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** Sends as a request thread of {@code loop} does: through that loop's connection pool. */
    private static UpstreamClient.Reply sendFrom(EventLoop loop, UpstreamClient client, String url) throws Exception {
        return ScopedValue.where(EventLoops.HOME, loop)
                .call(() -> client.send(post(url), Duration.ofSeconds(5), false));
    }

    private static void answerUntilClosed(Socket socket) {
        try (socket) {
            while (true) {
                readRequest(socket.getInputStream());
                socket.getOutputStream()
                        .write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + "Content-Length: 2\r\n\r\n{}")
                                .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // the client closed the connection
        }
    }

    private static UpstreamRequest post(String url) {
        return new UpstreamRequest(URI.create(url), Map.of("Authorization", "Bearer sk-test"), BODY);
    }

    /** A key pair for localhost from the JDK's keytool. */
    private static KeyStore selfSigned(Path file) throws Exception {
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "upstream",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost",
                        "-validity",
                        "2",
                        "-keystore",
                        file.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }
}
