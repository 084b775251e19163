package io.langop.operator.reach;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaches Services from outside the cluster the way {@code kubectl proxy} does: through the API server's
 * service proxy ({@code /api/v1/namespaces/NS/services/NAME:PORT/proxy/...}), with the operator's own
 * credentials. The operator's HTTP clients (MCP, OpenAI) know nothing of Kubernetes authentication —
 * tokens, client certificates, exec plugins — so they talk plain HTTP to this loopback forwarder, which
 * sends each request on with the Kubernetes client's HTTP client, and so with whatever authentication
 * the kubeconfig configures. Answers stream through as they arrive (MCP answers with server-sent events).
 *
 * <p>The forwarder binds to loopback and only forwards service-proxy paths under a random prefix, so
 * another local process can neither guess its URLs nor use it to reach the rest of the API.
 */
public final class ApiServerServiceProxy implements ServiceLocator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServerServiceProxy.class);
    private static final Pattern SERVICE_PROXY_PATH =
            Pattern.compile("/api/v1/namespaces/[a-z0-9.-]+/services/[a-z0-9.-]+:\\d+/proxy(/.*)?");
    /** Headers of one hop, and those the Kubernetes client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "authorization");
    /** LLM answers can take minutes; a stream of events stays open as long as its client keeps it. */
    private static final long REQUEST_TIMEOUT_MINUTES = 30;

    private final HttpClient http;
    private final String apiServer;
    private final HttpServer server;
    private final String prefix;

    private ApiServerServiceProxy(KubernetesClient client) throws IOException {
        this.http = client.getHttpClient();
        this.apiServer = client.getMasterUrl().toString().replaceAll("/+$", "");
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.prefix = "/" + HexFormat.of().formatHex(secret);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("service-proxy-", 0).factory()));
        server.createContext(prefix + "/", this::forward);
        server.start();
    }

    /** Starts the forwarder on a free loopback port. */
    public static ApiServerServiceProxy start(KubernetesClient client) {
        try {
            ApiServerServiceProxy proxy = new ApiServerServiceProxy(client);
            LOG.info("Services are reached through the API server's service proxy at {}", proxy.apiServer);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for the service proxy", e);
        }
    }

    @Override
    public URI baseUrl(String namespace, String service, int port) {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + prefix + "/api/v1/namespaces/" + namespace + "/services/"
                + service + ":" + port + "/proxy");
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(prefix.length());
            if (!SERVICE_PROXY_PATH.matcher(path).matches()) {
                reply(exchange, 403, "only Service proxy paths are forwarded");
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest request = upstreamRequest(exchange, apiServer + path + (query == null ? "" : "?" + query));
            stream(exchange, request);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest upstreamRequest(HttpExchange exchange, String url) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        HttpRequest.Builder request = http.newHttpRequestBuilder()
                .uri(url)
                .timeout(REQUEST_TIMEOUT_MINUTES, TimeUnit.MINUTES)
                .method(
                        exchange.getRequestMethod(),
                        contentType == null ? "application/octet-stream" : contentType,
                        new ByteArrayInputStream(body),
                        (long) body.length);
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.equals("content-type")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    /** Sends the answer on as it arrives: status and headers first, then each chunk of the body. */
    private void stream(HttpExchange exchange, HttpRequest request) throws IOException, InterruptedException {
        OutputStream out = exchange.getResponseBody();
        WritableByteChannel channel = Channels.newChannel(out);
        CompletableFuture<HttpResponse<AsyncBody>> answer = http.consumeBytes(request, (buffers, body) -> {
            try {
                for (ByteBuffer buffer : buffers) {
                    channel.write(buffer);
                }
                out.flush();
                body.consume();
            } catch (IOException clientGone) {
                body.cancel(); // the caller closed its side: stop reading the upstream
            }
        });
        HttpResponse<AsyncBody> response;
        try {
            response = answer.get();
        } catch (ExecutionException failed) {
            reply(
                    exchange,
                    502,
                    "the API server could not be reached: " + failed.getCause().getMessage());
            return;
        }
        response.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        boolean bodiless = response.code() == 204 || response.code() == 304;
        exchange.sendResponseHeaders(response.code(), bodiless ? -1 : 0);
        response.body().consume();
        try {
            response.body().done().get();
        } catch (ExecutionException broken) {
            LOG.debug(
                    "service proxy answer from {} ended early: {}",
                    request.uri(),
                    broken.getCause().toString());
        }
    }

    private static void reply(HttpExchange exchange, int status, String message) throws IOException {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, text.length);
        exchange.getResponseBody().write(text);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
