package io.langop.proxy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.langop.proxy.testing.CapturedOutput;
import io.langop.proxy.testing.OpenAiBodies;
import io.langop.proxy.testing.ProxyFixture;
import io.langop.proxy.testing.ScriptedUpstream;
import io.langop.proxy.testing.ScriptedUpstream.Behaviour;
import io.langop.proxy.testing.SocketUpstream;
import io.langop.sdk.llm.StreamCollector;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTest {

    @TempDir
    Path dir;

    final ScriptedUpstream upstream = new ScriptedUpstream(Behaviour.sse(
            Duration.ZERO,
            OpenAiBodies.chunk("Hel"),
            OpenAiBodies.chunk("lo"),
            OpenAiBodies.finalChunk(),
            OpenAiBodies.usageChunk(9, 2),
            OpenAiBodies.DONE));
    ProxyFixture proxy;

    @BeforeEach
    void start() {
        proxy = new ProxyFixture(dir, """
        models:
          - name: m
            endpoints: [{url: "%s"}]
            pricing: {inputPer1kTokens: 1, outputPer1kTokens: 2}
          - name: impatient
            endpoints: [{url: "%s"}]
            timeout: 300ms
        """.formatted(upstream.baseUrl(), upstream.baseUrl()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    @Test
    void anOpenAiClientStreamsThroughTheProxyAndTheStreamIsAccounted() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(proxy.openAiBaseUrl())
                .apiKey("unused")
                .modelName("m")
                .build();
        StreamCollector stream = new StreamCollector();

        model.chat("Say hello", stream);

        ChatResponse response = stream.response(Duration.ofSeconds(10));
        assertThat(stream.pieces()).containsExactly("Hel", "lo");
        assertThat(response.aiMessage().text()).isEqualTo("Hello");
        var forwarded = ProxyFixture.parse(upstream.requests().getFirst().body());
        assertThat(forwarded.path("stream").asBoolean()).isTrue();
        assertThat(forwarded.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        var usage = proxy.usage().path("models").path("m");
        assertThat(usage.path("promptTokens").asLong()).isEqualTo(9);
        assertThat(usage.path("completionTokens").asLong()).isEqualTo(2);
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo("0.013");
    }

    @Test
    void hidesTheUsageChunkFromClientsThatDidNotAskAndShowsItToThoseWhoDidWithTheirOtherStreamOptions()
            throws Exception {
        String plain =
                streamBody("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        String withUsage = streamBody("{\"model\":\"m\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true,\"include_obfuscation\":false},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertThat(plain).doesNotContain("\"usage\"").endsWith("data: [DONE]\n\n");
        assertThat(withUsage).contains("\"prompt_tokens\":9").endsWith("data: [DONE]\n\n");
        var forwarded = ProxyFixture.parse(upstream.requests().get(1).body());
        assertThat(forwarded.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        assertThat(forwarded.path("stream_options").path("include_obfuscation").isBoolean())
                .as("the client's other stream options go to the upstream")
                .isTrue();
    }

    @Test
    void anEventWhoseDataSpansLinesReachesTheClientAsTheSameLines() throws Exception {
        // Pretty-printed JSON over several data lines, with a comment and an id the client has no use for.
        upstream.always(Behaviour.sse(
                Duration.ZERO,
                ": warming up\nid: 1\ndata: {\"id\":\"c\",\r\ndata:  \"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":\"two lines\"}}]}",
                OpenAiBodies.DONE));

        String body =
                streamBody("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertThat(body).isEqualTo("""
                        data: {"id":"c",
                        data:  "choices":[{"index":0,"delta":{"content":"two lines"}}]}

                        data: [DONE]

                        """);
    }

    @Test
    void forwardsTheFirstChunkBeforeTheUpstreamHasFinished() throws Exception {
        CountDownLatch clientSawFirstChunk = new CountDownLatch(1);
        upstream.always((exchange, up) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            var out = exchange.getResponseBody();
            out.write((OpenAiBodies.chunk("first") + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                // The upstream only finishes once the client has the first chunk: a buffering proxy would deadlock
                // here.
                if (!clientSawFirstChunk.await(10, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write((OpenAiBodies.chunk("second") + "\n\n" + OpenAiBodies.DONE + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        });

        HttpResponse<InputStream> response = openStream();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().firstValue("Content-Length"))
                    .as("sent in chunks as they come")
                    .isEmpty();
            assertThat(lines.readLine()).contains("first");
            clientSawFirstChunk.countDown();
            assertThat(lines.readLine()).isEmpty();
            assertThat(lines.readLine()).contains("second");
        }
    }

    @Test
    void aStreamTheUpstreamSentWholeBeforeAnythingLeftGoesAsOneAnswerWithItsLength() throws Exception {
        byte[] events = (OpenAiBodies.chunk("all at once") + "\n\n" + OpenAiBodies.DONE + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        // Head and body in one write: the proxy has the whole stream before its request thread reads the first event.
        try (SocketUpstream whole = new SocketUpstream(socket -> {
                    try (socket) {
                        SocketUpstream.readRequest(socket.getInputStream());
                        ByteArrayOutputStream answer = new ByteArrayOutputStream();
                        answer.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
                                        + events.length + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                        answer.writeBytes(events);
                        socket.getOutputStream().write(answer.toByteArray());
                    } catch (IOException clientGone) {
                        // nothing more to answer
                    }
                });
                ProxyFixture wholeProxy = new ProxyFixture(
                        Files.createDirectories(dir.resolve("whole")), """
             models:
               - name: m
                 endpoints: [{url: "%s"}]
             """.formatted(whole.url("/v1")))) {
            HttpResponse<String> response = wholeProxy
                    .http()
                    .send(
                            HttpRequest.newBuilder(wholeProxy.uri().resolve("/v1/chat/completions"))
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo(new String(events, StandardCharsets.UTF_8));
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(events.length);
            assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        }
    }

    @Test
    void aClientThatDisconnectsCancelsTheUpstreamRequest() throws Exception {
        String[] events = new String[200];
        for (int i = 0; i < events.length; i++) {
            events[i] = OpenAiBodies.chunk("token" + i);
        }
        upstream.always(Behaviour.sse(Duration.ofMillis(20), events));

        HttpResponse<InputStream> response = openStream();
        try (InputStream body = response.body()) {
            assertThat(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).readLine())
                    .contains("token0");
        }

        // 200 events at 20 ms would take 4 s; the upstream sees its client (the proxy) go away long before.
        assertThat(upstream.streamAborted.await(3, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aClientThatLeavesBeforeTheStreamBeginsLeavesNoRequestInProgress() throws Exception {
        upstream.always(Behaviour.delayed(
                Duration.ofMillis(300), Behaviour.sse(Duration.ZERO, OpenAiBodies.chunk("late"), OpenAiBodies.DONE)));
        String request = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

        try (CapturedOutput log = new CapturedOutput()) {
            try (Socket client =
                    new Socket(InetAddress.getLoopbackAddress(), proxy.uri().getPort())) {
                client.getOutputStream()
                        .write(("POST /v1/chat/completions HTTP/1.1\r\nHost: proxy\r\nContent-Length: "
                                        + request.length() + "\r\n\r\n" + request)
                                .getBytes(StandardCharsets.UTF_8));
            } // gone before the upstream answers
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> !upstream.requests().isEmpty());
            Thread.sleep(700); // the upstream answers after 300 ms, and the proxy finds its client gone

            long started = System.nanoTime();
            proxy.close();

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("nothing is left in progress: stopping does not wait out the 10 s drain")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(log.text()).doesNotContain("raised an exception");
        }
    }

    @Test
    void endsAStreamWhoseUpstreamFallsSilent() throws Exception {
        upstream.always(Behaviour.sse(Duration.ofSeconds(5), OpenAiBodies.chunk("first"), OpenAiBodies.chunk("late")));

        long started = System.nanoTime();
        String body = streamBody(
                "{\"model\":\"impatient\",\"stream\":true," + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(body)
                .contains("first")
                .doesNotContain("late")
                .contains("was silent for longer than its timeout of 300ms");
    }

    private String streamBody(String request) throws Exception {
        return proxy.http()
                .send(
                        HttpRequest.newBuilder(proxy.uri().resolve("/v1/chat/completions"))
                                .POST(HttpRequest.BodyPublishers.ofString(request))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpResponse<InputStream> openStream() throws Exception {
        return proxy.http()
                .send(
                        HttpRequest.newBuilder(proxy.uri().resolve("/v1/chat/completions"))
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
    }
}
