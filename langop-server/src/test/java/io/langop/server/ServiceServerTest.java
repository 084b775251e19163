package io.langop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.server.testing.OversizeBodies;
import io.langop.server.testing.RawHttpClient;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServiceServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesHealthReadinessMetricsAndTheComponentServlets() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (ServiceServer server = ServiceServer.builder("test-component")
                .port(0)
                .readiness(ready::get)
                .servlet("/hello/*", new TextServlet("hello "))
                .start()) {
            server.meterRegistry().counter("langop_test_calls").increment();

            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
            ready.set(true);
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.headers().firstValue("content-type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body()).contains("langop_test_calls_total 1.0").contains("jvm_memory_used_bytes");

            HttpResponse<String> hello = get(server, "/hello/world");
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("hello /world");
            assertThat(get(server, "/nowhere").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aReadinessProbeThatThrowsReportsUnavailable() throws Exception {
        try (ServiceServer server = ServiceServer.builder("flaky")
                .port(0)
                .readiness(() -> {
                    throw new IllegalStateException("boom");
                })
                .start()) {
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void closeLetsInFlightRequestsFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        HttpServlet slow = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                entered.countDown();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                resp.getWriter().write("done");
            }
        };
        ServiceServer server =
                ServiceServer.builder("draining").port(0).servlet("/slow", slow).start();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(server.uri().resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        URI health = server.uri().resolve("/healthz");
        server.close();

        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        assertThatThrownBy(
                        () -> http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aTakenPortIsAClearError() {
        try (ServiceServer first = ServiceServer.builder("first").port(0).start()) {
            assertThatThrownBy(() ->
                            ServiceServer.builder("second").port(first.port()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("second could not listen on port " + first.port());
        }
    }

    @Test
    void portComesFromTheEnvironmentValueOrTheFallback() {
        assertThat(ServiceServer.portFrom(null, 8080)).isEqualTo(8080);
        assertThat(ServiceServer.portFrom(" ", 8080)).isEqualTo(8080);
        assertThat(ServiceServer.portFrom("9090", 8080)).isEqualTo(9090);
        assertThatThrownBy(() -> ServiceServer.portFrom("http", 8080)).hasMessageContaining("PORT must be a number");
        assertThatThrownBy(() -> ServiceServer.portFrom("70000", 8080)).hasMessageContaining("between 0 and 65535");
    }

    @Test
    void bindAddressComesFromTheEnvironmentValueAsAnIpLiteralOrMeansEveryInterface() {
        assertThat(ServiceServer.bindAddressFrom(null)).isNull();
        assertThat(ServiceServer.bindAddressFrom(" ")).isNull();
        assertThat(ServiceServer.bindAddressFrom(" 127.0.0.1 ")).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(ServiceServer.bindAddressFrom("::1").isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> ServiceServer.bindAddressFrom("localhost"))
                .hasMessageContaining("BIND_ADDRESS must be an IP address");
    }

    @Test
    void aBindAddressLimitsTheServerToThatAddressWhereEveryInterfaceIsTheDefault() throws Exception {
        InetAddress other = anotherAddressOfThisMachine();
        try (ServiceServer everywhere =
                        ServiceServer.builder("everywhere").port(0).start();
                ServiceServer loopbackOnly = ServiceServer.builder("loopback-only")
                        .port(0)
                        .bindAddress(InetAddress.getLoopbackAddress())
                        .start()) {
            assertThat(connects(other, everywhere.port()))
                    .as("the default listens on %s", other)
                    .isTrue();

            assertThat(loopbackOnly.bindAddress()).contains(InetAddress.getLoopbackAddress());
            assertThat(loopbackOnly.uri()).hasToString("http://127.0.0.1:" + loopbackOnly.port());
            assertThat(get(loopbackOnly, "/healthz").statusCode()).isEqualTo(200);
            assertThat(connects(other, loopbackOnly.port()))
                    .as("bound to 127.0.0.1, it listens on %s", other)
                    .isFalse();
        }
    }

    /** A non-loopback address of an interface that is up, or else 127.0.0.2 (on Linux the whole of 127/8 is local). */
    private static InetAddress anotherAddressOfThisMachine() throws IOException {
        return java.net.NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (java.net.SocketException gone) {
                        return false;
                    }
                })
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(address -> address instanceof java.net.Inet4Address)
                .findFirst()
                .orElse(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}));
    }

    private static boolean connects(InetAddress address, int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void aBodyAnnouncedLargerThanTheCapIsRefusedAtOnceWithoutReadingIt() throws Exception {
        ReadingServlet reader = new ReadingServlet();
        try (ServiceServer server =
                ServiceServer.builder("capped").port(0).servlet("/read", reader).start()) {
            RawHttpClient.Answer answer = OversizeBodies.answerToAnnouncedBody(server.port(), "/read");
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("\"code\":\"request_too_large\"").contains("\"type\":");
            assertThat(reader.calls.get()).as("the servlet never runs").isZero();
        }
    }

    @Test
    void aChunkedBodyGrowingPastTheCapIsAnswered413WhileItIsBeingRead() throws Exception {
        ReadingServlet reader = new ReadingServlet();
        try (ServiceServer server = ServiceServer.builder("capped")
                        .port(0)
                        .maxRequestBytes(64 * 1024)
                        .servlet("/read", reader)
                        .start();
                RawHttpClient client = new RawHttpClient(server.port())) {
            client.send(
                    RawHttpClient.postHead("/read", "Content-Type: application/json", "Transfer-Encoding: chunked"));
            String chunk = RawHttpClient.chunk("x".repeat(8192));
            // an endless body: 2 MiB offered, the server must stop it after 64 KiB (later writes may fail)
            for (int i = 0; i < 256 && client.trySend(chunk); i++) {}

            RawHttpClient.Answer answer = client.answer();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("request_too_large");
            assertThat(reader.bytesRead.get()).isLessThanOrEqualTo(64 * 1024);
        }
    }

    @Test
    void aBodyWithinTheCapIsRead() throws Exception {
        ReadingServlet reader = new ReadingServlet();
        try (ServiceServer server = ServiceServer.builder("capped")
                        .port(0)
                        .maxRequestBytes(64 * 1024)
                        .servlet("/read", reader)
                        .start();
                RawHttpClient client = new RawHttpClient(server.port())) {
            String body = "x".repeat(64 * 1024);
            client.send(RawHttpClient.postHead("/read", "Content-Length: " + body.length()) + body);

            RawHttpClient.Answer answer = client.answer();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("read 65536");
        }
    }

    @Test
    void aHeadTrickledPastTheHeadTimeoutIsClosedWhileOthersAreServedAndAnIdleConnectionIsNot() throws Exception {
        try (ServiceServer server = ServiceServer.builder("slow-heads")
                        .port(0)
                        .headTimeout(Duration.ofSeconds(1))
                        .start();
                RawHttpClient idle = new RawHttpClient(server.port());
                RawHttpClient trickler = new RawHttpClient(server.port())) {
            idle.send(RawHttpClient.getHead("/healthz"));
            assertThat(idle.answer().status()).isEqualTo(200);

            long start = System.nanoTime();
            trickler.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            trickler.trickle("a".repeat(100), Duration.ofMillis(100));
            assertThat(get(server, "/healthz").statusCode())
                    .as("another client is served meanwhile")
                    .isEqualTo(200);

            assertThat(trickler.closedByServer(5_000)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("closed after the 1 s head timeout (and up to two looks of 250 ms), long before the 10 s"
                            + " trickle ends; the slack is for a loaded CI machine")
                    .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4));

            idle.send(RawHttpClient.getHead("/healthz"));
            assertThat(idle.answer().status())
                    .as("a keep-alive connection idle for longer than the head timeout is served on")
                    .isEqualTo(200);
        }
    }

    @Test
    void aBodyTrickledPastTheBodyTimeoutIsAnswered408WhileOthersAreServed() throws Exception {
        ReadingServlet reader = new ReadingServlet();
        try (ServiceServer server = ServiceServer.builder("slow-bodies")
                        .port(0)
                        .bodyTimeout(Duration.ofSeconds(1))
                        .servlet("/read", reader)
                        .start();
                RawHttpClient trickler = new RawHttpClient(server.port())) {
            long start = System.nanoTime();
            trickler.send(RawHttpClient.postHead("/read", "Content-Length: 100"));
            trickler.trickle("x".repeat(100), Duration.ofMillis(100));
            assertThat(get(server, "/healthz").statusCode())
                    .as("another client is served meanwhile")
                    .isEqualTo(200);

            RawHttpClient.Answer answer = trickler.answer();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).contains("\"code\":\"request_timeout\"");
            assertThat(took)
                    .as("answered at the 1 s body timeout, long before the 10 s trickle ends (slack for a loaded CI"
                            + " machine)")
                    .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4));
            assertThat(trickler.closedByServer(2_000)).isTrue();
        }
    }

    @Test
    void anAnswerStreamedLongerThanTheBodyTimeoutAfterTheBodyWasReadIsNotCut() throws Exception {
        HttpServlet streaming = new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                req.getInputStream().readAllBytes();
                resp.setContentType("text/event-stream");
                for (int i = 0; i < 6; i++) {
                    resp.getWriter().write("data: " + i + "\n\n");
                    resp.flushBuffer();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        };
        try (ServiceServer server = ServiceServer.builder("streaming")
                .port(0)
                .bodyTimeout(Duration.ofMillis(500))
                .servlet("/stream", streaming)
                .start()) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(server.uri().resolve("/stream"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("data: 0").contains("data: 5");
        }
    }

    @Test
    void twoServletsOnOnePathAreRefused() {
        ServiceServer.Builder builder = ServiceServer.builder("dup").servlet("/a", new TextServlet("a"));
        assertThatThrownBy(() -> builder.servlet("/a", new TextServlet("b")))
                .hasMessageContaining("two servlets for /a");
    }

    private HttpResponse<String> get(ServiceServer server, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.uri() + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Reads the whole body, as a servlet that parses JSON does. */
    private static final class ReadingServlet extends HttpServlet {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicLong bytesRead = new AtomicLong();

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            calls.incrementAndGet();
            byte[] buffer = new byte[8192];
            var in = req.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytesRead.addAndGet(n);
            }
            resp.getWriter().write("read " + bytesRead.get());
        }
    }

    private static final class TextServlet extends HttpServlet {
        private final String prefix;

        TextServlet(String prefix) {
            this.prefix = prefix;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(prefix + req.getPathInfo());
        }
    }
}
