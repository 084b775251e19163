package io.langop.tool.web.search;

import io.langop.tool.web.egress.FetchException;
import io.langop.tool.web.egress.Response;
import io.langop.tool.web.egress.WebClient;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * DuckDuckGo's HTML endpoint ({@code https://html.duckduckgo.com/html/}), which needs no API key.
 * Results are the {@code a.result__a} links of the page, parsed with jsoup; DuckDuckGo wraps each
 * target in a {@code //duckduckgo.com/l/?uddg=<target>&rut=...} redirect, which is unwrapped, and
 * sponsored results are skipped. A result's snippet is its {@code result__snippet} text.
 */
public record DuckDuckGo(URI endpoint, WebClient client) implements SearchEngine {

    public static final URI DEFAULT_ENDPOINT = URI.create("https://html.duckduckgo.com/html/");

    public DuckDuckGo {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(client, "client");
    }

    @Override
    public List<SearchResult> search(String query, int maxResults) throws FetchException {
        URI uri = URI.create(endpoint + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        Response response = client.get(uri);
        if (response.status() != 200) {
            throw new FetchException(String.valueOf(response.status()));
        }
        Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), uri.toString());
        return page.select("a.result__a").stream()
                .filter(link -> link.closest(".result--ad") == null)
                .map(link -> new SearchResult(link.text().strip(), target(link), snippet(link)))
                .filter(result -> !result.url().isEmpty() && !result.url().contains("duckduckgo.com/y.js"))
                .limit(maxResults)
                .toList();
    }

    /** The text of the {@code result__snippet} in the link's result block, empty when it has none. */
    private static String snippet(Element link) {
        Element result = link.closest(".result");
        Element snippet = result == null ? null : result.selectFirst(".result__snippet");
        return snippet == null ? "" : snippet.text().strip();
    }

    /** The real target of a result link: the {@code uddg} parameter of DuckDuckGo's redirect, else the href. */
    static String target(Element link) {
        String href = link.attr("href").strip();
        int start = href.indexOf("uddg=");
        if (href.contains("duckduckgo.com/l/") && start >= 0) {
            int end = href.indexOf('&', start);
            String encoded = href.substring(start + "uddg=".length(), end < 0 ? href.length() : end);
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        }
        return href.startsWith("//") ? "https:" + href : href;
    }
}
