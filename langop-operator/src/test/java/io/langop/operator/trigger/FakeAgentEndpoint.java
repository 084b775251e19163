package io.langop.operator.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.langop.wire.AgentTriggers;
import io.langop.wire.HmacSha256;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An agent's webhook endpoints on loopback, as the operator delivers to them: it checks langop's hmac signature with the
 * secret the test gives, answers each request with the next scripted status (202 when the script is through) and
 * records what it accepted and every attempt.
 */
final class FakeAgentEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request: its path, status answered and CloudEvent. */
    record Delivery(String path, int status, JsonNode cloudEvent) {}

    private final HttpServer server;
    private final Function<String, String> secrets;
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Delivery> attempts = new CopyOnWriteArrayList<>();

    /**
     * @param secrets the secret of the trigger named by the path's last segment
     */
    FakeAgentEndpoint(Function<String, String> secrets) throws IOException {
        this.secrets = secrets;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(AgentTriggers.PATH, this::answer);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next requests are answered with these statuses (a 429 with {@code Retry-After: 1}). */
    void answerNext(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    List<Delivery> attempts() {
        return List.copyOf(attempts);
    }

    /** The CloudEvents answered 2xx. */
    List<JsonNode> accepted() {
        return attempts.stream()
                .filter(attempt -> attempt.status() / 100 == 2)
                .map(Delivery::cloudEvent)
                .toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String trigger = path.substring(path.lastIndexOf('/') + 1);
            String secret = secrets.apply(trigger);
            boolean signed = secret != null
                    && "application/cloudevents+json"
                            .equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    && new HmacSha256(secret)
                            .verifiesTimestamped(
                                    exchange.getRequestHeaders().getFirst(AgentTriggers.SIGNATURE_HEADER),
                                    exchange.getRequestHeaders().getFirst(AgentTriggers.TIMESTAMP_HEADER),
                                    body);
            Integer scripted = script.poll();
            int status = !signed ? 401 : scripted == null ? 202 : scripted;
            attempts.add(new Delivery(path, status, JSON.readTree(new String(body, StandardCharsets.UTF_8))));
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
