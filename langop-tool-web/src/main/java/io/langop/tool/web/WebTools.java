package io.langop.tool.web;

import io.langop.kit.tool.Param;
import io.langop.kit.tool.Shape;
import io.langop.kit.tool.Tool;
import io.langop.kit.tool.ToolArguments;
import io.langop.kit.tool.ToolResult;
import io.langop.kit.tool.Validator;
import io.langop.tool.web.egress.FetchException;
import io.langop.tool.web.egress.HostLookup;
import io.langop.tool.web.egress.Response;
import io.langop.tool.web.egress.WebClient;
import io.langop.tool.web.page.Excerpt;
import io.langop.tool.web.page.PageContent;
import io.langop.tool.web.page.ReadableMarkdown;
import io.langop.tool.web.search.DuckDuckGo;
import io.langop.tool.web.search.SearXng;
import io.langop.tool.web.search.SearchEngine;
import io.langop.tool.web.search.SearchResult;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The four web tools — {@code web_search}, {@code web_fetch}, {@code web_headers} and
 * {@code web_status} — with the outputs of the reference implementation. Failures keep the
 * reference's {@code Error: ...} texts and are flagged as MCP error results.
 */
public final class WebTools implements AutoCloseable {

    /** The reference's status texts; anything else, including 0 for "no response", is Unknown. */
    private static final Map<Integer, String> STATUS_TEXTS = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found (Redirect)"),
            Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"));

    private static final Param URL = Param.string("url").required().validate(Validator.url());

    private static final Shape.ObjectShape SEARCH_OUTPUT = Shape.object()
            .field(
                    "results",
                    Shape.listOf(Shape.object()
                            .field("title", Shape.string("The page title"))
                            .field("url", Shape.string("The page's URL"))
                            .field(
                                    "snippet",
                                    Shape.string("The engine's excerpt of the page; empty when it gave none"))),
                    "The hits in the engine's order, at most max_results; empty when nothing matched");
    private static final Shape.ObjectShape FETCH_OUTPUT = Shape.object()
            .field("url", Shape.string("The URL that answered, after redirects"))
            .field("status", Shape.integer("The HTTP status code"))
            .field("contentType", Shape.string("The Content-Type header; empty when there was none"))
            .field(
                    "text",
                    Shape.string("The chunk of content asked for (start_index, max_length): readable Markdown, or "
                            + "the raw HTML with html=true; empty when the page has no text"));
    private static final Shape.ObjectShape HEADERS_OUTPUT = Shape.object()
            .field("url", Shape.string("The URL asked for"))
            .field("status", Shape.integer("The HTTP status code"))
            .field(
                    "headers",
                    Shape.mapOf(Shape.string(null)),
                    "Response headers by lower-case name; repeated headers joined with \", \"");
    private static final Shape.ObjectShape STATUS_OUTPUT = Shape.object()
            .field("url", Shape.string("The URL asked for"))
            .field("status", Shape.integer("The final HTTP status code after redirects; 0 when nothing answered"))
            .field("statusText", Shape.string("The status in words, e.g. OK, Not Found; Unknown for others"));

    private final WebClient web;
    private final WebClient searchClient;
    private final SearchEngine engine;

    public WebTools(WebSettings settings) {
        this(settings, HostLookup.SYSTEM);
    }

    /** With a scripted DNS, for tests that play a hostile name server. */
    WebTools(WebSettings settings, HostLookup lookup) {
        this.web = WebClient.guarded(settings.egress(), lookup);
        // The engine is the operator's choice, possibly inside the cluster: its own origin is not subject
        // to the policy, but where it redirects is.
        this.searchClient = WebClient.forEndpoint(settings.egress(), lookup, settings.searchEndpoint());
        this.engine = switch (settings.engine()) {
            case DUCKDUCKGO -> new DuckDuckGo(settings.searchEndpoint(), searchClient);
            case SEARXNG -> new SearXng(settings.searchEndpoint(), searchClient);
        };
    }

    public List<Tool> all() {
        return List.of(search(), fetch(), headers(), status());
    }

    Tool search() {
        return Tool.builder("web_search")
                .description("Search the web and return the titles and URLs of the top results")
                .param(Param.string("query").required().description("The search query"))
                .param(Param.integer("max_results")
                        .defaultValue(5)
                        .validate(Validator.range(1, 20))
                        .description("How many results to return (1-20, default 5)"))
                .output(SEARCH_OUTPUT)
                .readOnly()
                .handler(this::runSearch)
                .build();
    }

    Tool fetch() {
        return Tool.builder("web_fetch")
                .description("Fetch a web page and return its readable text as Markdown (or its raw HTML); "
                        + "long pages come in chunks, continued with start_index")
                .param(URL.description("The http or https URL to fetch"))
                .param(Param.bool("html").defaultValue(false).description("Return raw HTML instead of text"))
                .param(Param.integer("max_length")
                        .defaultValue(5000)
                        .validate(Validator.range(1, 100_000))
                        .description("Maximum number of characters to return (default 5000)"))
                .param(Param.integer("start_index")
                        .defaultValue(0)
                        .validate(Validator.range(0, Integer.MAX_VALUE))
                        .description("Character offset to start from, to read the next chunk of a long page"))
                .output(FETCH_OUTPUT)
                .readOnly()
                .handler(this::runFetch)
                .build();
    }

    Tool headers() {
        return Tool.builder("web_headers")
                .description("Fetch the HTTP headers of a URL (HEAD request, redirects not followed)")
                .param(URL.description("The URL to check"))
                .output(HEADERS_OUTPUT)
                .readOnly()
                .handler(this::runHeaders)
                .build();
    }

    Tool status() {
        return Tool.builder("web_status")
                .description("Check the HTTP status code of a URL (redirects followed)")
                .param(URL.description("The URL to check"))
                .output(STATUS_OUTPUT)
                .readOnly()
                .handler(this::runStatus)
                .build();
    }

    private ToolResult runSearch(ToolArguments args) {
        String query = args.string("query");
        List<SearchResult> results;
        try {
            results = engine.search(query, (int) args.integer("max_results"));
        } catch (FetchException e) {
            return ToolResult.failure("Error: Failed to fetch search results - " + e.getMessage());
        }
        Map<String, Object> data = Map.of("results", results);
        if (results.isEmpty()) {
            return ToolResult.success("No results found for: " + query, data);
        }
        String listed = IntStream.range(0, results.size())
                .mapToObj(i -> (i + 1) + ". " + results.get(i).title() + "\n   URL: "
                        + results.get(i).url())
                .collect(Collectors.joining("\n\n"));
        return ToolResult.success("Search results for: " + query + "\n\n" + listed, data);
    }

    private ToolResult runFetch(ToolArguments args) {
        String url = args.string("url");
        Response response;
        try {
            response = web.get(URI.create(url));
        } catch (FetchException e) {
            return ToolResult.failure("Error: Failed to fetch URL: " + url + " - " + e.getMessage());
        }
        if (response.status() >= 400) {
            return ToolResult.failure("Error: Failed to fetch URL: " + url + " - " + response.status());
        }
        boolean raw = args.bool("html");
        String text;
        switch (PageContent.of(response)) {
            case PageContent.Binary(String mediaType) -> {
                return ToolResult.failure(
                        "Error: " + url + " returned " + mediaType + ", which is binary: web_fetch only returns text");
            }
            case PageContent.Html html -> text = raw ? html.source() : ReadableMarkdown.of(html.document());
            case PageContent.Text plain -> text = plain.text();
        }
        if (text.isBlank()) {
            return ToolResult.success("No text content found at: " + url, fetched(response, ""));
        }
        Excerpt excerpt;
        try {
            excerpt = Excerpt.of(text, (int) args.integer("start_index"), (int) args.integer("max_length"));
        } catch (IllegalArgumentException e) {
            return ToolResult.failure("Error: " + e.getMessage());
        }
        String capNote = response.truncated()
                ? "\n\n[Only the first " + response.body().length + " bytes of this page were downloaded.]"
                : "";
        String body = excerpt.text() + excerpt.continuationNote("web_fetch") + capNote;
        return ToolResult.success(
                raw ? body : "Content from " + url + ":\n\n" + body, fetched(response, excerpt.text()));
    }

    private static Map<String, Object> fetched(Response response, String text) {
        return Map.of(
                "url", response.uri().toString(),
                "status", response.status(),
                "contentType", response.contentType().orElse(""),
                "text", text);
    }

    private ToolResult runHeaders(ToolArguments args) {
        String url = args.string("url");
        Response response;
        try {
            response = web.fetch("HEAD", URI.create(url), false);
        } catch (FetchException e) {
            return ToolResult.failure("Error: Failed to fetch headers from: " + url + " - " + e.getMessage());
        }
        if (response.status() < 200 || response.status() > 299) {
            return ToolResult.failure("Error: Failed to fetch headers from: " + url + " - " + response.status());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers()
                .map()
                .forEach((name, values) -> headers.merge(
                        name.toLowerCase(Locale.ROOT), String.join(", ", values), (a, b) -> a + ", " + b));
        String lines = headers.entrySet().stream()
                .map(header -> header.getKey() + ": " + header.getValue())
                .collect(Collectors.joining("\n"));
        return ToolResult.success(
                "Headers for " + url + ":\n\n" + lines,
                Map.of("url", url, "status", response.status(), "headers", headers));
    }

    private ToolResult runStatus(ToolArguments args) {
        String url = args.string("url");
        int status;
        try {
            status = web.get(URI.create(url)).status();
        } catch (FetchException e) {
            if (e.refused()) {
                return ToolResult.failure("Error: Failed to check status of: " + url + " - " + e.getMessage());
            }
            status = 0; // the reference reports "no response" as status 0
        }
        String statusText = STATUS_TEXTS.getOrDefault(status, "Unknown");
        return ToolResult.success(
                "Status for " + url + ": " + status + " " + statusText,
                Map.of("url", url, "status", status, "statusText", statusText));
    }

    @Override
    public void close() {
        web.close();
        searchClient.close();
    }
}
