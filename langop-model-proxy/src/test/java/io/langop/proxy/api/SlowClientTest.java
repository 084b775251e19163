package io.langop.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that hold the proxy without being served, on real sockets: heads that announce large bodies, bodies sent
 * a byte at a time, connections opened and left. The attackers connect from 127.0.0.1, the legitimate client from
 * 127.0.0.2 (Linux routes all of 127.0.0.0/8 to loopback), so the limits per address fall on the attackers only.
 */
class SlowClientTest {

    private static final String KEY = "lk-legitimate-client-key";
    private static final InetAddress ATTACKER = InetAddress.ofLiteral("127.0.0.1");
    private static final InetAddress LEGITIMATE = InetAddress.ofLiteral("127.0.0.2");
    private static final int FOUR_MIB = 4 * 1024 * 1024;
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    final ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("hi", 3, 2)));
    final List<Socket> sockets = new ArrayList<>();
    ProxyFixture proxy;

    @BeforeEach
    void writeKey() throws IOException {
        Files.writeString(dir.resolve("client-key"), KEY);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        upstream.close();
    }

    private void start(String connectionLimits) {
        proxy = new ProxyFixture(dir, """
        connectionLimits: %s
        clientKeys:
          - name: agent
            key: {file: "%s"}
        models:
          - name: m
            endpoints: [{url: "%s"}]
        """.formatted(connectionLimits, dir.resolve("client-key"), upstream.baseUrl()));
    }

    @Test
    void headsAnnouncingLargeBodiesWithoutAKeyAreRefusedBeforeAnyBodyIsHeld() throws IOException {
        // The attack that filled a 384 MB heap: about 90 heads announcing 4 MiB, no key, no body.
        start("{perAddress: 256}");

        for (int i = 0; i < 90; i++) {
            send(connect(ATTACKER), head(null, FOUR_MIB));
        }

        for (Socket attacker : sockets) {
            assertThat(statusLine(attacker)).startsWith("HTTP/1.1 401 ");
        }
        assertThat(legitimateChat()).startsWith("HTTP/1.1 200 ");
        assertThat(upstream.requests()).hasSize(1);
    }

    @Test
    void slowBodiesAreCappedPerAddressAndTimedOutWhileALegitimateClientIsServed() throws Exception {
        start("{pendingBodiesPerAddress: 8, bodyTimeout: 4s}");
        long heapBefore = heapAfterGc();

        // 30 clients with a valid key announce 4 MiB, send 1 KiB and then a byte every 200 ms.
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Socket attacker = connect(ATTACKER);
            send(attacker, head(KEY, FOUR_MIB) + "x".repeat(1024));
            answers.add(answerWhileTrickling(attacker));
        }

        Awaitility.await()
                .atMost(Duration.ofSeconds(3))
                .until(() -> answers.stream().filter(CompletableFuture::isDone).count() == 22);
        assertThat(legitimateChat()).startsWith("HTTP/1.1 200 ");
        long held = heapAfterGc() - heapBefore;
        assertThat(held)
                .as("heap held while 8 bodies are pending (the old proxy held 4 MiB for each of 30 heads)")
                .isLessThan(32 * MIB);

        List<Answer> all = new ArrayList<>();
        for (CompletableFuture<Answer> answer : answers) {
            all.add(answer.get(10, TimeUnit.SECONDS));
        }
        assertThat(all)
                .filteredOn(a -> a.status().startsWith("HTTP/1.1 429 "))
                .hasSize(22)
                .allSatisfy(a -> assertThat(a.after()).as("refused at once").isLessThan(Duration.ofSeconds(3)));
        assertThat(all)
                .filteredOn(a -> a.status().startsWith("HTTP/1.1 408 "))
                .hasSize(8)
                .allSatisfy(a -> assertThat(a.after()).isBetween(Duration.ofMillis(3900), Duration.ofSeconds(10)));
        assertThat(upstream.requests()).hasSize(1);
    }

    @Test
    void headersTrickledInsideTheIdleTimeoutAreTimedOutWhileAnIdleKeepAliveConnectionStaysOpen() throws Exception {
        start("{headTimeout: 2s}");
        Socket idle = connect(LEGITIMATE);
        send(idle, "GET /healthz HTTP/1.1\r\nHost: proxy\r\n\r\n");
        assertThat(wholeAnswer(idle)).startsWith("HTTP/1.1 200 ");

        // five clients each send a request line and then a header byte every 200 ms, forever
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Socket attacker = connect(ATTACKER);
            send(attacker, "POST /v1/chat/completions HTTP/1.1\r\nHost: proxy\r\nX-Slow: ");
            answers.add(answerWhileTrickling(attacker));
        }
        for (CompletableFuture<Answer> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).satisfies(a -> {
                assertThat(a.status()).startsWith("HTTP/1.1 408 ");
                assertThat(a.after()).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));
            });
        }

        // the connection that sat idle between requests for longer than the head timeout is served on
        send(idle, "GET /healthz HTTP/1.1\r\nHost: proxy\r\n\r\n");
        assertThat(wholeAnswer(idle)).startsWith("HTTP/1.1 200 ");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void anAddressGetsNoMoreConnectionsThanItsLimitWhileOthersStillConnect() throws IOException {
        start("{perAddress: 10}");
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Socket socket = connect(ATTACKER);
            send(socket, "GET /healthz HTTP/1.1\r\nHost: proxy\r\n\r\n");
            assertThat(statusLine(socket)).startsWith("HTTP/1.1 200 ");
            held.add(socket);
        }

        Socket eleventh = connect(ATTACKER);
        assertThat(eleventh.getInputStream().read())
                .as("closed at once, nothing answered")
                .isEqualTo(-1);
        assertThat(legitimateChat()).startsWith("HTTP/1.1 200 ");

        held.getFirst().close();
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Socket again = connect(ATTACKER);
            send(again, "GET /healthz HTTP/1.1\r\nHost: proxy\r\n\r\n");
            assertThat(statusLine(again)).startsWith("HTTP/1.1 200 ");
        });
    }

    @Test
    void aClientExpectingContinueIsRefusedBeforeItSendsTheBodyAndAcceptedOnesAreAskedForIt() throws IOException {
        start("{}");
        Socket withoutKey = connect(ATTACKER);
        send(withoutKey, head(null, FOUR_MIB).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n"));
        assertThat(statusLine(withoutKey)).startsWith("HTTP/1.1 401 ");

        String json = OpenAiBodies.chatRequest("m", "hello");
        Socket withKey = connect(LEGITIMATE);
        send(
                withKey,
                head(KEY, json.length()).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"));
        assertThat(statusLine(withKey)).isEqualTo("HTTP/1.1 100 Continue");
        send(withKey, json);
        assertThat(readAll(withKey)).contains("HTTP/1.1 200 OK").contains("\"content\":\"hi\"");
    }

    /** What an attacker read, and how long after it started. */
    private record Answer(String status, Duration after) {}

    /** Reads the answer on one thread while another sends a byte (of the body or a header) every 200 ms until it comes. */
    private static CompletableFuture<Answer> answerWhileTrickling(Socket socket) {
        long started = System.nanoTime();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                answer.complete(new Answer(statusLine(socket), Duration.ofNanos(System.nanoTime() - started)));
            } catch (IOException e) {
                answer.complete(new Answer(e.toString(), Duration.ofNanos(System.nanoTime() - started)));
            }
        });
        Thread.ofVirtual().start(() -> {
            try {
                while (!answer.isDone()) {
                    Thread.sleep(200);
                    send(socket, "x");
                }
            } catch (IOException | InterruptedException refusedAndClosed) {
                // the answer is what counts
            }
        });
        return answer;
    }

    private String legitimateChat() throws IOException {
        String json = OpenAiBodies.chatRequest("m", "hello");
        Socket socket = connect(LEGITIMATE);
        send(socket, head(KEY, json.length()).replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n") + json);
        return readAll(socket);
    }

    private static String head(String key, int contentLength) {
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\n"
                + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    private Socket connect(InetAddress from) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(
                new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), proxy.uri().getPort()),
                2_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The status line of the next answer. */
    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** The status line of the next answer, after reading the rest of it (headers, and a body of Content-Length). */
    private static String wholeAnswer(Socket socket) throws IOException {
        String status = statusLine(socket);
        int length = 0;
        for (String header = statusLine(socket); !header.isEmpty(); header = statusLine(socket)) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        socket.getInputStream().readNBytes(length);
        return status;
    }

    private static String readAll(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
