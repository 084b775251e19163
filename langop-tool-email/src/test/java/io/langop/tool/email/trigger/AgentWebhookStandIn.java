package io.langop.tool.email.trigger;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agent's webhook on a loopback port, as the mail triggers reach it: records each request (headers in lower case,
 * body) and answers 202 unless answers were queued with {@link #answerNext}.
 */
final class AgentWebhookStandIn implements AutoCloseable {

    record Request(Map<String, String> headers, String body) {}

    private record Answer(int status, Map<String, String> headers) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    AgentWebhookStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/webhook/mail-inbox", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            requests.add(
                    new Request(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer;
            synchronized (answers) {
                answer = answers.isEmpty() ? new Answer(202, Map.of()) : answers.poll();
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/mail-inbox";
    }

    void answerNext(int status, Map<String, String> headers) {
        synchronized (answers) {
            answers.add(new Answer(status, headers));
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
