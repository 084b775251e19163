package io.langop.console.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.langop.console.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpstreamChatTest {

    /** The client ports the upstream saw: one per connection the console opened. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    private HttpServer upstream;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        upstream.createContext("/v1/chat/completions", exchange -> {
            connections.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}");
                send(out, "{\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":1}}");
                send(out, "[DONE]");
                // as an agent's server does: the response ends a moment after its last event, not with it
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.start();
    }

    @AfterEach
    void stop() {
        upstream.stop(0);
    }

    @Test
    void relaysEachEventAndKeepsOneConnectionForSuccessiveAnswers() throws IOException {
        UpstreamChat chat = new UpstreamChat(Console.httpClient(), Duration.ofSeconds(5));
        ChatTarget target = new ChatTarget(
                "qwen",
                "Qwen",
                null,
                ChatTarget.Kind.MODEL,
                URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1/chat/completions"),
                null);

        for (int turn = 0; turn < 3; turn++) {
            List<String> relayed = new CopyOnWriteArrayList<>();
            UpstreamChat.Answer answer = chat.stream(target, JsonNodeFactory.instance.objectNode(), relayed::add);

            assertThat(relayed).hasSize(2).first().asString().contains("Hello");
            assertThat(answer.text()).isEqualTo("Hello");
            assertThat(answer.totalTokens()).isEqualTo(8);
        }
        assertThat(connections)
                .as("connections the console opened for three answers")
                .hasSize(1);
    }

    private static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
