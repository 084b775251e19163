package io.langop.local.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Asks an OpenAI-compatible server which models it serves ({@code GET /models}), with short timeouts. */
final class ModelList {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    ModelList(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * The ids the server lists, in its order.
     *
     * @throws IOException when it does not answer, or not with a model list; the message says which
     */
    List<String> of(String baseUrl, Optional<String> apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(baseUrl) + "/models"))
                .timeout(timeout)
                .GET();
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /models answered HTTP " + response.statusCode());
        }
        JsonNode data = JSON.readTree(response.body()).path("data");
        if (!data.isArray()) {
            throw new IOException("GET /models answered without a \"data\" list");
        }
        return data.valueStream()
                .map(model -> model.path("id").asText(""))
                .filter(id -> !id.isBlank())
                .toList();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
