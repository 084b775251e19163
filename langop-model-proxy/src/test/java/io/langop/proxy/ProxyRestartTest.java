package io.langop.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.report.UsageReport;
import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy restarted while it streams an answer: stopped gracefully (SIGTERM) the stream ends with an OpenAI error
 * event and the upstream's work on it stops; killed, the client gets a connection error at once. Either way the
 * restarted proxy serves on the same port and counts from zero.
 */
class ProxyRestartTest {

    private static final String STREAM_REQUEST =
            "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"count slowly\"}]}";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    final ScriptedUpstream upstream = new ScriptedUpstream(slowCount());
    final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<AutoCloseable> running = new ArrayList<>();
    Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = Files.writeString(dir.resolve("proxy.yaml"), """
        models:
          - name: m
            endpoints: [{url: "%s"}]
            pricing: {inputPer1kTokens: 1, outputPer1kTokens: 1}
        """.formatted(upstream.baseUrl()));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running.reversed()) {
            closeable.close();
        }
        client.close();
        upstream.close();
    }

    @Test
    void aStreamCutOffByAGracefulStopEndsWithAnErrorEventAndTheRestartedProxyCountsFromZero() throws Exception {
        ModelProxy first = start(0);
        BufferedReader stream = openStream(first.port());
        assertThat(stream.readLine()).contains("count 0");

        Thread stopping = Thread.ofVirtual().start(first::close);
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readToEnd(stream));

        String end = rest.get(10, TimeUnit.SECONDS);
        assertThat(end)
                .as("the stream ends cleanly, with an error event that tells the client to retry")
                .contains("\"code\":\"server_restarting\"")
                .doesNotContain("[DONE]");
        assertThat(stopping.join(Duration.ofSeconds(10))).isTrue();
        assertThat(upstream.streamAborted.await(5, TimeUnit.SECONDS))
                .as("the upstream request was aborted: the model stops working on it")
                .isTrue();
        UsageReport.Tally cut = first.usage().models().get("m");
        assertThat(cut.requests()).isZero();
        assertThat(cut.errors()).isEqualTo(1);
        assertThat(cut.completionTokens())
                .as("charged one token for each chunk the client got")
                .isEqualTo(
                        1 + end.lines().filter(line -> line.contains("count ")).count());

        upstream.then(Behaviour.sse(
                Duration.ZERO, OpenAiBodies.chunk("again"), OpenAiBodies.usageChunk(4, 1), OpenAiBodies.DONE));
        ModelProxy second = start(first.port());
        assertThat(readToEnd(openStream(second.port()))).contains("again").contains("[DONE]");
        UsageReport counted = second.usage();
        assertThat(Instant.parse(counted.since()))
                .isAfter(Instant.parse(first.usage().since()));
        assertThat(counted.models().get("m").requests()).isEqualTo(1);
        assertThat(counted.models().get("m").errors()).isZero();
        assertThat(counted.models().get("m").totalTokens()).isEqualTo(5);
    }

    @Test
    void aClientOfAProxyKilledMidStreamGetsAConnectionErrorAndTheRestartedProxyCountsFromZero() throws Exception {
        int port = freePort();
        Process killed = startProcess(port);
        BufferedReader stream = openStream(port);
        assertThat(stream.readLine()).contains("count 0");

        killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readToEnd(stream));

        assertThat(rest)
                .as("a connection error at once, not a stream that hangs")
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withRootCauseInstanceOf(IOException.class);

        upstream.then(Behaviour.sse(
                Duration.ZERO, OpenAiBodies.chunk("again"), OpenAiBodies.usageChunk(4, 1), OpenAiBodies.DONE));
        ModelProxy restarted = start(port);
        assertThat(readToEnd(openStream(port))).contains("again").contains("[DONE]");
        assertThat(restarted.usage().models().get("m").requests()).isEqualTo(1);
        assertThat(restarted.usage().models().get("m").errors()).isZero();
    }

    /** 100 chunks, 100 ms apart: still streaming whenever the test stops the proxy. */
    private static Behaviour slowCount() {
        String[] events = new String[100];
        for (int i = 0; i < events.length; i++) {
            events[i] = OpenAiBodies.chunk("count " + i);
        }
        return Behaviour.sse(Duration.ofMillis(100), events);
    }

    private ModelProxy start(int port) {
        ModelProxy proxy = ModelProxy.start(
                config, new InetSocketAddress(LOOPBACK, port), Duration.ofMinutes(1), Duration.ofMillis(300));
        running.add(proxy);
        return proxy;
    }

    /** The proxy as its image runs it, in a JVM of its own that can be killed. */
    private Process startProcess(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ModelProxyMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("proxy.log").toFile());
        builder.environment().put("PROXY_CONFIG", config.toString());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("BIND_ADDRESS", LOOPBACK.getHostAddress());
        Process process = builder.start();
        running.add(process::destroyForcibly);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ready(port));
        return process;
    }

    private boolean ready(int port) {
        try {
            return client.send(
                                    HttpRequest.newBuilder(uri(port, "/readyz")).build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private BufferedReader openStream(int port) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(uri(port, "/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(STREAM_REQUEST))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private static String readToEnd(BufferedReader stream) {
        StringBuilder text = new StringBuilder();
        try (stream) {
            for (String line = stream.readLine(); line != null; line = stream.readLine()) {
                text.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://" + LOOPBACK.getHostAddress() + ":" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }
}
