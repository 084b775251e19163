package io.langop.tool.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 with the pages the web tools are tested against: search results,
 * an article full of noise, pages in other charsets, redirect chains (also to loopback by name and
 * to the cloud metadata address), a response that never comes, an endless one, binary content.
 */
final class FixtureWebsite implements AutoCloseable {

    /** Requests seen, as "METHOD path?query | User-Agent". */
    final List<String> requests = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final CountDownLatch stopping = new CountDownLatch(1);

    FixtureWebsite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    String url(String path) {
        return uri(path).toString();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI requested = exchange.getRequestURI();
        String path = requested.getPath();
        requests.add(exchange.getRequestMethod() + " " + requested + " | "
                + exchange.getRequestHeaders().getFirst("User-Agent"));
        try (exchange) {
            switch (path) {
                case "/html/" ->
                    html(
                            exchange,
                            requested.getQuery() != null && requested.getQuery().contains("zzqxv")
                                    ? resource("ddg_no_results.html")
                                    : resource("ddg_results.html"));
                case "/local-search/" -> html(exchange, localSearchResults());
                case "/search-moved/" -> redirect(exchange, 301, "/html/?" + requested.getRawQuery());
                case "/search-to-loopback-by-name/" ->
                    redirect(exchange, 302, "http://localhost:" + port() + "/html/?" + requested.getRawQuery());
                case "/broken-search/" -> send(exchange, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
                case "/searxng/search" -> send(exchange, 200, "application/json", """
            {"query":"k8s","results":[
              {"url":"https://kubernetes.io/","title":"Kubernetes","content":"Production-Grade Container Orchestration"},
              {"url":"https://github.com/kubernetes/kubernetes","title":"kubernetes/kubernetes","content":"..."},
              {"url":"https://kubernetes.io/docs/","title":"Documentation","content":"..."}]}
            """.getBytes(StandardCharsets.UTF_8));
                case "/article" -> html(exchange, resource("article.html"));
                case "/empty" ->
                    html(
                            exchange,
                            "<html><head></head><body>  <script>x()</script> </body></html>"
                                    .getBytes(StandardCharsets.UTF_8));
                case "/long" ->
                    send(exchange, 200, "text/plain; charset=utf-8", long12000().getBytes(StandardCharsets.UTF_8));
                case "/json" ->
                    send(exchange, 200, "application/json", "{\"answer\":42}".getBytes(StandardCharsets.UTF_8));
                case "/latin1" ->
                    send(
                            exchange,
                            200,
                            "text/html; charset=ISO-8859-1",
                            "<html><body><p>Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e</p></body></html>"
                                    .getBytes(StandardCharsets.ISO_8859_1));
                case "/meta-charset" ->
                    send(
                            exchange,
                            200,
                            "text/html",
                            "<html><head><meta charset=\"windows-1252\"></head><body><p>\u201cQuoted\u201d \u20ac5</p></body></html>"
                                    .getBytes(Charset.forName("windows-1252")));
                case "/unknown-charset" ->
                    send(
                            exchange,
                            200,
                            "text/html; charset=no-such-charset",
                            "<html><head><meta charset=\"utf-8\"></head><body><p>Gr\u00fc\u00dfe aus K\u00f6ln</p></body></html>"
                                    .getBytes(StandardCharsets.UTF_8));
                case "/binary" ->
                    send(exchange, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
                case "/untyped-binary" -> send(exchange, 200, null, new byte[] {1, 2, 0, 3, 0, 4});
                case "/headers" -> {
                    exchange.getResponseHeaders().add("X-Fixture", "a");
                    exchange.getResponseHeaders().add("X-Fixture", "b");
                    send(exchange, 200, "text/html; charset=utf-8", new byte[0]);
                }
                case "/ua" ->
                    send(
                            exchange,
                            200,
                            "text/plain",
                            String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"))
                                    .getBytes(StandardCharsets.UTF_8));
                case "/loop" -> redirect(exchange, 302, "/loop");
                case "/to-loopback-by-name" -> redirect(exchange, 302, "http://localhost:" + port() + "/article");
                case "/to-other-loopback" -> redirect(exchange, 302, "http://127.0.0.2:" + port() + "/article");
                case "/to-metadata" -> redirect(exchange, 302, "http://169.254.169.254/latest/meta-data/");
                case "/to-ftp" -> redirect(exchange, 301, "ftp://example.com/file");
                case "/redirect-without-location" -> send(exchange, 301, null, new byte[0]);
                case "/slow" -> {
                    awaitStop(); // answers only when the server stops: the client's timeout must fire first
                    send(exchange, 200, "text/plain", "too late".getBytes(StandardCharsets.UTF_8));
                }
                case "/huge" -> endless(exchange);
                default -> {
                    if (path.startsWith("/redirect/")) {
                        int remaining = Integer.parseInt(path.substring("/redirect/".length()));
                        redirect(
                                exchange,
                                remaining % 2 == 0 ? 301 : 307,
                                remaining == 1 ? "/article" : "/redirect/" + (remaining - 1));
                    } else if (path.startsWith("/status/")) {
                        send(
                                exchange,
                                Integer.parseInt(path.substring("/status/".length())),
                                "text/plain",
                                new byte[0]);
                    } else {
                        send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    /** A DuckDuckGo results page whose one hit is this site's article. */
    private byte[] localSearchResults() {
        return """
                <html><body><div class="result results_links web-result">
                  <h2 class="result__title"><a class="result__a" href="%s">Kubernetes CVE roundup</a></h2>
                  <a class="result__snippet" href="%s">Three vulnerabilities were fixed this week</a>
                </div></body></html>""".formatted(url("/article"), url("/article")).getBytes(StandardCharsets.UTF_8);
    }

    static String long12000() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 12_000; i++) {
            text.append("line ").append(i).append(' ');
        }
        return text.substring(0, 12_000);
    }

    private void awaitStop() {
        try {
            stopping.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void endless(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "all work and no play ".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 10_000; i++) { // ~200 MB unless the client hangs up first, as it must
                out.write(chunk);
            }
        } catch (IOException expected) {
            // the client stopped reading at its size cap
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, status, null, new byte[0]);
    }

    private static void html(HttpExchange exchange, byte[] body) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = FixtureWebsite.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
    }
}
