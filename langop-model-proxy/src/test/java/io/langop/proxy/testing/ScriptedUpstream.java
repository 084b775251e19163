package io.langop.proxy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model server on a real socket that answers from a script: queued behaviours first, then a default. It
 * records every request and notices clients that hang up mid-stream.
 */
public final class ScriptedUpstream implements AutoCloseable {

    private final HttpServer server;
    private final Deque<Behaviour> queued = new ArrayDeque<>();
    private volatile Behaviour fallback;
    private final ConcurrentLinkedQueue<Recorded> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    public final CountDownLatch streamAborted = new CountDownLatch(1);

    public ScriptedUpstream(Behaviour fallback) {
        this.fallback = fallback;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/v1} — what a model endpoint url points at. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public URI rootUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized ScriptedUpstream then(Behaviour... behaviours) {
        queued.addAll(List.of(behaviours));
        return this;
    }

    public void always(Behaviour behaviour) {
        this.fallback = behaviour;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private synchronized Behaviour next() {
        return queued.isEmpty() ? fallback : queued.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            requests.add(new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    headers,
                    new String(body, StandardCharsets.UTF_8)));
            next().respond(exchange, this);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public record Recorded(String method, URI uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One scripted answer. */
    @FunctionalInterface
    public interface Behaviour {
        void respond(HttpExchange exchange, ScriptedUpstream upstream) throws IOException;

        static Behaviour json(int status, String body) {
            return json(status, body, Map.of());
        }

        static Behaviour json(int status, String body, Map<String, String> headers) {
            return (exchange, upstream) -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                headers.forEach(exchange.getResponseHeaders()::set);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            };
        }

        static Behaviour delayed(Duration delay, Behaviour then) {
            return (exchange, upstream) -> {
                sleep(delay);
                then.respond(exchange, upstream);
            };
        }

        /** Server-sent events, each flushed, with {@code gap} between them. */
        static Behaviour sse(Duration gap, String... events) {
            return (exchange, upstream) -> {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                try {
                    for (int i = 0; i < events.length; i++) {
                        if (i > 0) {
                            sleep(gap);
                        }
                        out.write(events[i].getBytes(StandardCharsets.UTF_8));
                        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException clientGone) {
                    upstream.streamAborted.countDown();
                    throw clientGone;
                }
            };
        }

        private static void sleep(Duration delay) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
