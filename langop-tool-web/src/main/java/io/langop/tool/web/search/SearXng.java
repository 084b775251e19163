package io.langop.tool.web.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.tool.web.egress.FetchException;
import io.langop.tool.web.egress.Response;
import io.langop.tool.web.egress.WebClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A self-hosted SearXNG instance through its JSON API ({@code GET /search?q=...&format=json}; the
 * instance must list {@code json} under {@code search.formats}).
 */
public record SearXng(URI baseUri, WebClient client) implements SearchEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SearXng {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(client, "client");
    }

    @Override
    public List<SearchResult> search(String query, int maxResults) throws FetchException {
        String base = baseUri.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/search?format=json&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        Response response = client.get(uri);
        if (response.status() != 200) {
            throw new FetchException(String.valueOf(response.status()));
        }
        JsonNode results;
        try {
            results = JSON.readTree(response.body()).path("results");
        } catch (IOException e) {
            throw new FetchException("SearXNG answered with invalid JSON (is the json format enabled?)");
        }
        List<SearchResult> found = new ArrayList<>();
        for (JsonNode result : results) {
            String url = result.path("url").asText("");
            if (!url.isEmpty() && found.size() < maxResults) {
                found.add(new SearchResult(
                        result.path("title").asText(url).strip(),
                        url,
                        result.path("content").asText("").strip()));
            }
        }
        return found;
    }
}
