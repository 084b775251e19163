package io.langop.tool.email.trigger;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An agent's webhook on a loopback port, as the mail triggers reach it: records each request (headers in lower case,
 * body) and answers 202 unless answers were queued with {@link #answerNext} or {@link #holdNext}.
 */
final class AgentWebhookStandIn implements AutoCloseable {

    record Request(Map<String, String> headers, String body) {}

    /** @param gate answered once it is open; null: at once */
    private record Answer(int status, Map<String, String> headers, CountDownLatch gate) {}

    static final Duration HELD_AT_MOST = Duration.ofSeconds(10);

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
                answer = answers.isEmpty() ? new Answer(202, Map.of(), null) : answers.poll();
            }
            if (answer.gate() != null) {
                try {
                    answer.gate().await(HELD_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        // one thread per request: a held answer holds up no other sender
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/mail-inbox";
    }

    void answerNext(int status, Map<String, String> headers) {
        synchronized (answers) {
            answers.add(new Answer(status, headers, null));
        }
    }

    /**
     * Answers the next request 202 once the returned latch is counted down (or after {@link #HELD_AT_MOST}), as an
     * agent that is slow to take an event.
     */
    CountDownLatch holdNext() {
        CountDownLatch gate = new CountDownLatch(1);
        synchronized (answers) {
            answers.add(new Answer(202, Map.of(), gate));
        }
        return gate;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
