package io.langop.operator.reach;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an API server's service proxy does, over a real socket: requests to
 * {@code /api/v1/namespaces/NS/services/NAME:PORT/proxy/REST} with the right bearer token go on to the
 * server registered for that Service, streamed both ways; anything else is refused as the API server would.
 */
final class FakeApiServer implements AutoCloseable {

    private static final Pattern SERVICE_PROXY =
            Pattern.compile("/api/v1/namespaces/([^/]+)/services/([^/:]+):(\\d+)/proxy(/.*)?");

    /** One request as the API server saw it. */
    record Seen(String method, String path, String authorization) {}

    private final String token;
    private final HttpServer server;
    private final HttpClient backends = HttpClient.newHttpClient();
    private final Map<String, URI> services = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    FakeApiServer(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Service {@code namespace/name:port} is served at {@code backend} (scheme and authority). */
    FakeApiServer serve(String namespace, String name, int port, URI backend) {
        services.put(
                namespace + "/" + name + ":" + port,
                URI.create(backend.getScheme() + "://" + backend.getRawAuthority()));
        return this;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(new Seen(exchange.getRequestMethod(), path, authorization));
            if (!("Bearer " + token).equals(authorization)) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Matcher proxy = SERVICE_PROXY.matcher(path);
            URI backend =
                    proxy.matches() ? services.get(proxy.group(1) + "/" + proxy.group(2) + ":" + proxy.group(3)) : null;
            if (backend == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String rest = proxy.group(4) == null ? "/" : proxy.group(4);
            String query = exchange.getRequestURI().getRawQuery();
            forward(exchange, URI.create(backend + rest + (query == null ? "" : "?" + query)));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(HttpExchange exchange, URI target) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(
                        exchange.getRequestMethod(),
                        HttpRequest.BodyPublishers.ofByteArray(
                                exchange.getRequestBody().readAllBytes()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (List.of("content-type", "accept", "mcp-session-id", "mcp-protocol-version")
                    .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response = backends.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.headers().map().forEach((name, values) -> {
            if (!List.of("content-length", "transfer-encoding", "connection", ":status")
                    .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), response.statusCode() == 202 ? -1 : 0);
        try (InputStream in = response.body();
                OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush(); // events of a stream leave as they come
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
