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
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/1.1 on the wire, written by hand: what clients other than a polite HTTP library may send. */
class HttpConnectionTest {

    @TempDir
    Path dir;

    ScriptedUpstream upstream;
    ProxyFixture proxy;

    @BeforeEach
    void start() {
        upstream = new ScriptedUpstream(Behaviour.json(200, OpenAiBodies.completion("hi there", 3, 2)));
        proxy = new ProxyFixture(dir, """
        maxRequestBytes: 1000
        models:
          - name: m
            endpoints: [{url: "%s"}]
        """.formatted(upstream.baseUrl()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    @Test
    void answersPipelinedRequestsInOrderOnOneConnection() throws IOException {
        String chat = post(OpenAiBodies.chatRequest("m", "one"), "");
        String models = "GET /v1/models HTTP/1.1\r\nHost: proxy\r\n\r\n";
        String health = "GET /healthz HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n\r\n";

        String answers = exchange(chat + models + health);

        assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        assertThat(answers.indexOf("hi there")).isLessThan(answers.indexOf("\"object\":\"list\""));
        assertThat(answers).endsWith("ok\n");
        assertThat(upstream.requests()).hasSize(1);
    }

    @Test
    void keepsAnsweringAClientThatPipelinesMoreThanTheConnectionHoldsBack() throws IOException {
        // 300 requests are 600 messages (head, end), far over the 64 that wait before reading pauses: reading must
        // resume as the queue drains, or the connection hangs.
        String health = "GET /healthz HTTP/1.1\r\nHost: proxy\r\n\r\n";
        String last = "GET /healthz HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n\r\n";

        String answers = exchange(health.repeat(299) + last);

        assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(301);
    }

    @Test
    void refusesAnOversizeBodyByItsLengthWithoutReadingIt() throws IOException {
        // Declares a body far over the limit and sends none of it: the answer must not wait for it.
        String head = """
                POST /v1/chat/completions HTTP/1.1\r
                Host: proxy\r
                Content-Type: application/json\r
                Content-Length: 50000000\r
                \r
                """;

        String answer = exchange(head);

        assertThat(answer)
                .startsWith("HTTP/1.1 413 ")
                .contains("\"type\":\"invalid_request_error\"")
                .contains("1000 bytes");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void refusesAnOversizeChunkedBody() throws IOException {
        String chunk = "x".repeat(600);
        String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: proxy\r\nTransfer-Encoding: chunked\r\n\r\n";
        String body = Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n";

        String answer = exchange(head + body);

        assertThat(answer).startsWith("HTTP/1.1 413 ").contains("\"type\":\"invalid_request_error\"");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void answersAChunkedRequestBody() throws IOException {
        String json = OpenAiBodies.chatRequest("m", "chunked");
        String head = """
                POST /v1/chat/completions HTTP/1.1\r
                Host: proxy\r
                Transfer-Encoding: chunked\r
                Connection: close\r
                \r
                """;
        String body = Integer.toHexString(10) + "\r\n" + json.substring(0, 10) + "\r\n"
                + Integer.toHexString(json.length() - 10) + "\r\n" + json.substring(10) + "\r\n0\r\n\r\n";

        assertThat(exchange(head + body)).startsWith("HTTP/1.1 200 OK").contains("hi there");
    }

    @Test
    void answersGarbageWithA400AndClosesTheConnection() throws IOException {
        String answer = exchange("this is not http\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"type\":\"invalid_request_error\"");
    }

    @Test
    void closesAfterAnsweringAnHttp10Request() throws IOException {
        String request = "POST /v1/chat/completions HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: "
                + OpenAiBodies.chatRequest("m", "old").length() + "\r\n\r\n" + OpenAiBodies.chatRequest("m", "old");

        // exchange() reads until the proxy closes the connection: returning at all is the check.
        assertThat(exchange(request)).contains(" 200 OK").contains("hi there");
    }

    private static String post(String json, String extraHeaders) {
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\nContent-Length: "
                + json.getBytes(StandardCharsets.UTF_8).length + "\r\n" + extraHeaders + "\r\n" + json;
    }

    /** Writes the bytes and reads until the proxy closes the connection (tests end with a closing request). */
    private String exchange(String bytes) throws IOException {
        try (Socket socket = new Socket("localhost", proxy.uri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
