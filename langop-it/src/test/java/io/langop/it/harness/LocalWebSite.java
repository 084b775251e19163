package io.langop.it.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** Web pages on a loopback socket, recording who asked for what: the public web of the scenarios. */
public final class LocalWebSite implements AutoCloseable {

    /** One request: path and User-Agent header. */
    public record Visit(String path, String userAgent) {}

    private final HttpServer server;
    private final List<Visit> visits = new CopyOnWriteArrayList<>();

    private LocalWebSite(Map<String, String> pages) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> serve(exchange, pages));
        server.start();
    }

    /** Serves each path with its HTML; every other path is 404. */
    public static LocalWebSite serving(Map<String, String> pages) throws IOException {
        return new LocalWebSite(pages);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    private void serve(HttpExchange exchange, Map<String, String> pages) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            visits.add(new Visit(path, exchange.getRequestHeaders().getFirst("User-Agent")));
            String page = pages.get(path);
            byte[] body =
                    (page != null ? page : "<html><body>not found</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page != null ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
