package io.langop.proxy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.proxy.ModelProxy;
import io.langop.proxy.openai.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A proxy on a free port, configured from YAML written to a temporary file, plus a raw HTTP client. */
public final class ProxyFixture implements AutoCloseable {

    public static final Duration RELOAD_INTERVAL = Duration.ofMillis(100);

    private final Path configFile;
    private final ModelProxy proxy;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public ProxyFixture(Path dir, String yaml) {
        try {
            configFile = dir.resolve("proxy.yaml");
            Files.writeString(configFile, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        proxy = ModelProxy.start(
                configFile, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), RELOAD_INTERVAL);
    }

    public URI uri() {
        return proxy.uri();
    }

    /** Base URL an OpenAI client is given. */
    public String openAiBaseUrl() {
        return proxy.uri() + "/v1";
    }

    public void rewriteConfig(String yaml) throws IOException {
        Files.writeString(configFile, yaml);
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(proxy.uri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(proxy.uri().resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** {@code GET /usage} with {@code headers} (a usage reader's {@code Authorization} where the proxy has keys). */
    public JsonNode usage(String... headers) {
        try {
            return Json.read(get("/usage", headers).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpClient http() {
        return http;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    public static JsonNode parse(String json) {
        try {
            return Json.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.close();
        proxy.close();
    }
}
