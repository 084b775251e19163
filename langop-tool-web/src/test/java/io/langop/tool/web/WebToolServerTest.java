package io.langop.tool.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.kit.tool.ToolServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web tool server as an agent sees it: the official MCP client over streamable HTTP, against
 * fixture pages on a local HTTP server. Loopback is allow-listed on purpose, since the fixtures live
 * there; {@link EgressPolicyTest} shows what happens without that.
 */
class WebToolServerTest {

    private static FixtureWebsite site;
    private static WebTools tools;
    private static ToolServer server;
    private static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        site = new FixtureWebsite();
        tools = new WebTools(WebSettings.fromEnv(Map.of(
                "WEB_ALLOWED_NETWORKS", "127.0.0.0/8",
                "WEB_SEARCH_URL", site.url("/html/"),
                "WEB_USER_AGENT", "langop-test-agent/1.0",
                "WEB_TIMEOUT_SECONDS", "2",
                "WEB_MAX_RESPONSE_BYTES", "65536")));
        server =
                ToolServer.builder("langop-tool-web").port(0).tools(tools.all()).start();
        client = McpClient.sync(
                        HttpClientStreamableHttpTransport.builder(server.uri().toString())
                                .endpoint("/mcp")
                                .build())
                .requestTimeout(Duration.ofSeconds(20))
                .build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        tools.close();
        site.close();
    }

    @Test
    void listsTheFourToolsWithGeneratedSchemas() {
        List<Tool> listed = client.listTools().tools();

        assertThat(listed)
                .extracting(Tool::name)
                .containsExactly("web_search", "web_fetch", "web_headers", "web_status");
        Tool search = listed.getFirst();
        assertThat(search.description()).startsWith("Search the web");
        assertThat(search.inputSchema()).containsEntry("required", List.of("query"));
        assertThat(properties(search))
                .containsEntry(
                        "max_results",
                        Map.of(
                                "type",
                                "integer",
                                "default",
                                5,
                                "minimum",
                                1,
                                "maximum",
                                20,
                                "description",
                                "How many results to return (1-20, default 5)"));
        Tool fetch = listed.get(1);
        assertThat(fetch.inputSchema()).containsEntry("required", List.of("url"));
        assertThat(properties(fetch))
                .containsEntry(
                        "html",
                        Map.of("type", "boolean", "default", false, "description", "Return raw HTML instead of text"));
        assertThat(properties(fetch).get("url"))
                .isEqualTo(Map.of("type", "string", "format", "uri", "description", "The http or https URL to fetch"));
    }

    @Test
    void everyToolListsTheShapeOfItsStructuredAnswer() {
        Map<String, Tool> listed =
                client.listTools().tools().stream().collect(Collectors.toMap(Tool::name, tool -> tool));

        assertThat(listed.get("web_search").outputSchema()).containsEntry("required", List.of("results"));
        assertThat(listed.get("web_search").outputSchema())
                .extractingByKey("properties")
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("results")
                .isEqualTo(Map.of(
                        "type",
                        "array",
                        "items",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of(
                                        "title", Map.of("type", "string", "description", "The page title"),
                                        "url", Map.of("type", "string", "description", "The page's URL"),
                                        "snippet",
                                                Map.of(
                                                        "type",
                                                        "string",
                                                        "description",
                                                        "The engine's excerpt of the page; empty when it gave none")),
                                "required",
                                List.of("title", "url", "snippet")),
                        "description",
                        "The hits in the engine's order, at most max_results; empty when nothing matched"));
        assertThat(listed.get("web_fetch").outputSchema())
                .containsEntry("required", List.of("url", "status", "contentType", "text"));
        assertThat(listed.get("web_headers").outputSchema())
                .containsEntry("required", List.of("url", "status", "headers"));
        assertThat(listed.get("web_status").outputSchema())
                .containsEntry("required", List.of("url", "status", "statusText"));
    }

    @Test
    void searchAnswersItsHitsAsStructuredContent() {
        CallToolResult result = call("web_search", Map.of("query", "ruby programming", "max_results", 2));
        CallToolResult none = call("web_search", Map.of("query", "zzqxv"));

        assertThat(result.structuredContent())
                .isEqualTo(Map.of(
                        "results",
                        List.of(
                                Map.of(
                                        "title",
                                        "Ruby Programming Language",
                                        "url",
                                        "https://www.ruby-lang.org/en/",
                                        "snippet",
                                        "A dynamic, open source programming language"),
                                Map.of(
                                        "title",
                                        "GitHub - ruby/ruby: The Ruby Programming Language",
                                        "url",
                                        "https://github.com/ruby/ruby?tab=readme&lang=en",
                                        "snippet",
                                        ""))));
        assertThat(none.structuredContent()).isEqualTo(Map.of("results", List.of()));
    }

    @Test
    void fetchAnswersTheFinalUrlStatusTypeAndTextAsStructuredContent() {
        CallToolResult result = call("web_fetch", Map.of("url", site.url("/redirect/2"), "max_length", 40));
        CallToolResult empty = call("web_fetch", Map.of("url", site.url("/empty")));

        assertThat(result.structuredContent())
                .isEqualTo(Map.of(
                        "url",
                        site.url("/article"),
                        "status",
                        200,
                        "contentType",
                        "text/html; charset=utf-8",
                        "text",
                        "# Kubernetes CVE roundup\n\nBy Ada, 24 Nov"));
        assertThat(empty.structuredContent())
                .isEqualTo(Map.of(
                        "url",
                        site.url("/empty"),
                        "status",
                        200,
                        "contentType",
                        "text/html; charset=utf-8",
                        "text",
                        ""));
    }

    @Test
    void headersAndStatusAnswerStructuredContent() {
        CallToolResult headers = call("web_headers", Map.of("url", site.url("/headers")));
        CallToolResult status = call("web_status", Map.of("url", site.url("/status/404")));
        CallToolResult unreachable = call("web_status", Map.of("url", "http://127.0.0.1:1/"));

        assertThat(headers.structuredContent())
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("url", site.url("/headers"))
                .containsEntry("status", 200)
                .extractingByKey("headers")
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("x-fixture", "a, b");
        assertThat(status.structuredContent())
                .isEqualTo(Map.of("url", site.url("/status/404"), "status", 404, "statusText", "Not Found"));
        assertThat(unreachable.structuredContent())
                .isEqualTo(Map.of("url", "http://127.0.0.1:1/", "status", 0, "statusText", "Unknown"));
    }

    @Test
    void failuresCarryNoStructuredContent() {
        CallToolResult missing = call("web_fetch", Map.of("url", site.url("/status/404")));

        assertThat(missing.isError()).isTrue();
        assertThat(missing.structuredContent()).isNull();
    }

    @Test
    void searchListsUnwrappedResultsInTheReferenceFormat() {
        CallToolResult result = call("web_search", Map.of("query", "ruby programming"));

        assertThat(result.isError()).isFalse();
        assertThat(text(result)).isEqualTo("""
        Search results for: ruby programming

        1. Ruby Programming Language
           URL: https://www.ruby-lang.org/en/

        2. GitHub - ruby/ruby: The Ruby Programming Language
           URL: https://github.com/ruby/ruby?tab=readme&lang=en

        3. RubyGems.org
           URL: https://rubygems.org/

        4. Ruby on Rails Guides
           URL: https://guides.rubyonrails.org/

        5. Ruby-Doc.org
           URL: https://ruby-doc.org/""");
        assertThat(site.requests).anyMatch(r -> r.startsWith("GET /html/?q=ruby+programming | langop-test-agent/1.0"));
    }

    @Test
    void searchHonoursMaxResultsGivenAsTextAndEncodesTheQuery() {
        CallToolResult result = call("web_search", Map.of("query", "ruby&rails", "max_results", "2"));

        assertThat(text(result))
                .startsWith("Search results for: ruby&rails\n\n")
                .contains("2. ")
                .doesNotContain("3. ");
        assertThat(text(result).lines().filter(line -> line.contains("URL: "))).hasSize(2);
        assertThat(site.requests).anyMatch(r -> r.startsWith("GET /html/?q=ruby%26rails "));
    }

    @Test
    void searchWithoutResultsSaysSo() {
        assertThat(text(call("web_search", Map.of("query", "zzqxv")))).isEqualTo("No results found for: zzqxv");
    }

    @Test
    void invalidArgumentsAreErrorResultsNamingTheParameter() {
        CallToolResult missing = call("web_search", Map.of());
        CallToolResult outOfRange = call("web_search", Map.of("query", "x", "max_results", 500));
        CallToolResult badUrl = call("web_fetch", Map.of("url", "file:///etc/passwd"));

        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).isEqualTo("Missing required parameter 'query'");
        assertThat(text(outOfRange)).isEqualTo("Invalid parameter 'max_results': must be between 1 and 20, got 500");
        assertThat(badUrl.isError()).isTrue();
        assertThat(text(badUrl))
                .isEqualTo("Invalid parameter 'url': must be an http or https URL, got \"file:///etc/passwd\"");
    }

    @Test
    void fetchReturnsTheReadableArticleAsMarkdownWithoutNoise() {
        String url = site.url("/article");
        CallToolResult result = call("web_fetch", Map.of("url", url));

        assertThat(result.isError()).isFalse();
        assertThat(text(result)).isEqualTo("Content from " + url + ":\n\n" + """
        # Kubernetes CVE roundup

        By Ada, 24 November

        Three vulnerabilities were fixed this week in [the 1.34 patch releases](%s).

        ## Affected components

        - kube-apiserver
        - kubelet

        1. Upgrade first
        2. Then rotate

        ```
        kubectl version
          --short
        ```

        | CVE | Severity |
        | CVE-2026-0001 | High |""".formatted(site.url("/k8s/releases")));
    }

    @Test
    void fetchFollowsRedirectChainsAndNamesTheRequestedUrl() {
        String url = site.url("/redirect/4");
        assertThat(text(call("web_fetch", Map.of("url", url))))
                .startsWith("Content from " + url + ":\n\n# Kubernetes CVE roundup");
    }

    @Test
    void fetchStopsAfterFiveRedirects() {
        CallToolResult result = call("web_fetch", Map.of("url", site.url("/loop")));
        assertThat(result.isError()).isTrue();
        assertThat(text(result))
                .isEqualTo("Error: Failed to fetch URL: " + site.url("/loop") + " - too many redirects (more than 5)");
    }

    @Test
    void fetchPaginatesLongContentWithAContinuationNote() {
        String url = site.url("/long");
        String first = text(call("web_fetch", Map.of("url", url, "max_length", 5000)));
        String last = text(call("web_fetch", Map.of("url", url, "max_length", 5000, "start_index", 10000)));
        CallToolResult beyond = call("web_fetch", Map.of("url", url, "start_index", 12000));

        String full = FixtureWebsite.long12000();
        assertThat(first)
                .isEqualTo(
                        "Content from " + url + ":\n\n" + full.substring(0, 5000)
                                + "\n\n[Content truncated: showing characters 0-5000 of 12000. Call web_fetch with start_index=5000 to read more.]");
        assertThat(last).isEqualTo("Content from " + url + ":\n\n" + full.substring(10000));
        assertThat(beyond.isError()).isTrue();
        assertThat(text(beyond))
                .isEqualTo("Error: start_index 12000 is beyond the end of the content (12000 characters)");
    }

    @Test
    void rawHtmlIsReturnedOnRequestAndStillBounded() {
        String raw = text(call("web_fetch", Map.of("url", site.url("/article"), "html", true, "max_length", 40)));
        assertThat(raw)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>")
                .contains("[Content truncated: showing characters 0-40 of ")
                .contains("Call web_fetch with start_index=40 to read more.]");
    }

    @Test
    void charsetsAreHonoured() {
        assertThat(text(call("web_fetch", Map.of("url", site.url("/latin1")))))
                .endsWith("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e");
        assertThat(text(call("web_fetch", Map.of("url", site.url("/meta-charset")))))
                .endsWith("\u201cQuoted\u201d \u20ac5");
        assertThat(text(call("web_fetch", Map.of("url", site.url("/unknown-charset")))))
                .endsWith("Gr\u00fc\u00dfe aus K\u00f6ln");
    }

    @Test
    void textTypesAreReturnedAsTextAndBinaryIsRefused() {
        assertThat(text(call("web_fetch", Map.of("url", site.url("/json")))))
                .isEqualTo("Content from " + site.url("/json") + ":\n\n{\"answer\":42}");
        CallToolResult png = call("web_fetch", Map.of("url", site.url("/binary")));
        CallToolResult untyped = call("web_fetch", Map.of("url", site.url("/untyped-binary")));

        assertThat(png.isError()).isTrue();
        assertThat(text(png))
                .isEqualTo("Error: " + site.url("/binary")
                        + " returned image/png, which is binary: web_fetch only returns text");
        assertThat(text(untyped)).contains("returned unknown binary content");
    }

    @Test
    void emptyPagesAndHttpErrorsAreReported() {
        assertThat(text(call("web_fetch", Map.of("url", site.url("/empty")))))
                .isEqualTo("No text content found at: " + site.url("/empty"));
        CallToolResult missing = call("web_fetch", Map.of("url", site.url("/status/404")));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).isEqualTo("Error: Failed to fetch URL: " + site.url("/status/404") + " - 404");
    }

    @Test
    void headersAreListedLowerCasedWithRepeatedValuesJoined() {
        String url = site.url("/headers");
        String headers = text(call("web_headers", Map.of("url", url)));

        assertThat(headers)
                .startsWith("Headers for " + url + ":\n\n")
                .contains("\ncontent-type: text/html; charset=utf-8")
                .contains("\nx-fixture: a, b");
        assertThat(site.requests).anyMatch(r -> r.startsWith("HEAD /headers | langop-test-agent/1.0"));
        CallToolResult redirect = call("web_headers", Map.of("url", site.url("/redirect/1")));
        assertThat(text(redirect))
                .isEqualTo("Error: Failed to fetch headers from: " + site.url("/redirect/1") + " - 307");
    }

    @Test
    void statusUsesTheReferenceTexts() {
        Map<Integer, String> expected = Map.ofEntries(
                Map.entry(200, "200 OK"),
                Map.entry(304, "304 Not Modified"),
                Map.entry(400, "400 Bad Request"),
                Map.entry(401, "401 Unauthorized"),
                Map.entry(403, "403 Forbidden"),
                Map.entry(404, "404 Not Found"),
                Map.entry(500, "500 Internal Server Error"),
                Map.entry(502, "502 Bad Gateway"),
                Map.entry(503, "503 Service Unavailable"),
                Map.entry(418, "418 Unknown"));
        expected.forEach((code, text) -> {
            String url = site.url("/status/" + code);
            assertThat(text(call("web_status", Map.of("url", url)))).isEqualTo("Status for " + url + ": " + text);
        });
        String moved = site.url("/redirect-without-location");
        assertThat(text(call("web_status", Map.of("url", moved))))
                .isEqualTo("Status for " + moved + ": 301 Moved Permanently");
        String followed = site.url("/redirect/2");
        assertThat(text(call("web_status", Map.of("url", followed)))).isEqualTo("Status for " + followed + ": 200 OK");
    }

    @Test
    void unreachableAndSlowServersGiveStatusZeroAndFetchErrors() {
        String slow = site.url("/slow");
        assertThat(text(call("web_status", Map.of("url", slow)))).isEqualTo("Status for " + slow + ": 0 Unknown");
        assertThat(text(call("web_fetch", Map.of("url", slow))))
                .isEqualTo("Error: Failed to fetch URL: " + slow + " - timed out after 2 s");
        String closed = "http://127.0.0.1:1/";
        assertThat(text(call("web_status", Map.of("url", closed)))).isEqualTo("Status for " + closed + ": 0 Unknown");
        assertThat(text(call("web_fetch", Map.of("url", closed))))
                .isEqualTo("Error: Failed to fetch URL: " + closed + " - connection refused");
    }

    @Test
    void hugeResponsesAreCutAtTheSizeCap() {
        String huge = text(call("web_fetch", Map.of("url", site.url("/huge"), "max_length", 100)));
        assertThat(huge)
                .contains("of 65536. Call web_fetch with start_index=100")
                .endsWith("[Only the first 65536 bytes of this page were downloaded.]");
    }

    @Test
    void redirectsAreCheckedAtEveryHop() {
        CallToolResult metadata = call("web_fetch", Map.of("url", site.url("/to-metadata")));
        CallToolResult ftp = call("web_fetch", Map.of("url", site.url("/to-ftp")));

        assertThat(metadata.isError()).isTrue();
        assertThat(text(metadata))
                .isEqualTo(
                        "Error: Failed to fetch URL: " + site.url("/to-metadata")
                                + " - refused: 169.254.169.254 is a cloud metadata address (allow it with WEB_ALLOWED_NETWORKS)");
        assertThat(text(ftp))
                .isEqualTo("Error: Failed to fetch URL: " + site.url("/to-ftp")
                        + " - refused: only http and https URLs can be fetched, not ftp:");
    }

    private static CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(
                CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().getFirst()).text();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Tool tool) {
        return (Map<String, Object>) tool.inputSchema().get("properties");
    }
}
