package io.langop.tool.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.kit.tool.Tool;
import io.langop.kit.tool.ToolResult;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web tools without an allow-list: the fixture site on loopback must be out of reach, whatever
 * way the URL names it. With a scripted name server the tests also play DNS tricks.
 */
class EgressPolicyTest {

    private FixtureWebsite site;

    @BeforeEach
    void start() throws Exception {
        site = new FixtureWebsite();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void loopbackIsRefusedWithoutAnAllowList() throws Exception {
        try (WebTools tools = new WebTools(WebSettings.fromEnv(Map.of()))) {
            ToolResult byAddress = call(tools.fetch(), Map.of("url", site.url("/article")));
            ToolResult byName = call(tools.fetch(), Map.of("url", "http://localhost:" + site.port() + "/article"));
            ToolResult status = call(tools.status(), Map.of("url", site.url("/status/200")));
            ToolResult headers = call(tools.headers(), Map.of("url", site.url("/headers")));

            assertThat(byAddress)
                    .isEqualTo(ToolResult.failure("Error: Failed to fetch URL: " + site.url("/article")
                            + " - refused: 127.0.0.1 is a loopback address (allow it with WEB_ALLOWED_NETWORKS)"));
            assertThat(byName.error()).isTrue();
            assertThat(byName.text())
                    .contains(" - refused: localhost resolves to ")
                    .contains(", a loopback address");
            assertThat(status)
                    .isEqualTo(ToolResult.failure("Error: Failed to check status of: " + site.url("/status/200")
                            + " - refused: 127.0.0.1 is a loopback address (allow it with WEB_ALLOWED_NETWORKS)"));
            assertThat(headers.text())
                    .startsWith("Error: Failed to fetch headers from: " + site.url("/headers") + " - refused: ");
            assertThat(site.requests).isEmpty();
        }
    }

    @Test
    void aRedirectOutOfTheAllowListIsRefusedAtThatHop() throws Exception {
        try (WebTools tools = new WebTools(WebSettings.fromEnv(Map.of("WEB_ALLOWED_NETWORKS", "127.0.0.1/32")))) {
            ToolResult result = call(tools.fetch(), Map.of("url", site.url("/to-other-loopback")));

            assertThat(result)
                    .isEqualTo(ToolResult.failure("Error: Failed to fetch URL: " + site.url("/to-other-loopback")
                            + " - refused: 127.0.0.2 is a loopback address (allow it with WEB_ALLOWED_NETWORKS)"));
            assertThat(site.requests).singleElement().asString().startsWith("GET /to-other-loopback ");
        }
    }

    @Test
    void searxngAnswersWebSearchWhenConfigured() throws Exception {
        Map<String, String> env = Map.of("WEB_SEARCH_ENGINE", "searxng", "WEB_SEARCH_URL", site.url("/searxng"));
        try (WebTools tools = new WebTools(WebSettings.fromEnv(env))) {
            ToolResult result = call(tools.search(), Map.of("query", "k8s", "max_results", 2));

            assertThat(result.error()).isFalse();
            assertThat(result.text()).isEqualTo("""
          Search results for: k8s

          1. Kubernetes
             URL: https://kubernetes.io/

          2. kubernetes/kubernetes
             URL: https://github.com/kubernetes/kubernetes""");
        }
    }

    @Test
    void aRedirectFromTheSearchEndpointToAnotherHostIsChecked() throws Exception {
        // The endpoint itself is the operator's choice (loopback here, without an allow-list); where it
        // sends the client next is not.
        Map<String, String> env = Map.of("WEB_SEARCH_URL", site.url("/search-to-loopback-by-name/"));
        try (WebTools tools = new WebTools(WebSettings.fromEnv(env))) {
            ToolResult result = call(tools.search(), Map.of("query", "ruby"));

            assertThat(result.error()).isTrue();
            assertThat(result.text())
                    .startsWith("Error: Failed to fetch search results - refused: localhost resolves to ")
                    .endsWith(", a loopback address (allow it with WEB_ALLOWED_NETWORKS)");
            assertThat(site.requests).singleElement().asString().startsWith("GET /search-to-loopback-by-name/?q=ruby ");
        }
    }

    @Test
    void aRedirectWithinTheSearchEndpointsOwnOriginIsFollowed() throws Exception {
        Map<String, String> env = Map.of("WEB_SEARCH_URL", site.url("/search-moved/"));
        try (WebTools tools = new WebTools(WebSettings.fromEnv(env))) {
            ToolResult result = call(tools.search(), Map.of("query", "ruby", "max_results", 1));

            assertThat(result.text()).startsWith("Search results for: ruby\n\n1. Ruby Programming Language");
            assertThat(site.requests).hasSize(2);
        }
    }

    @Test
    void aNat64AnswerCarryingLoopbackIsRefused() throws Exception {
        // In an IPv6-only cluster DNS64 answers 64:ff9b::<IPv4>; the NAT64 gateway then connects to that IPv4.
        InetAddress nat64Loopback = InetAddress.ofLiteral("64:ff9b::7f00:1");
        try (WebTools tools = new WebTools(WebSettings.fromEnv(Map.of()), host -> List.of(nat64Loopback))) {
            ToolResult result = call(tools.fetch(), Map.of("url", "http://rebind.example/"));

            assertThat(result)
                    .isEqualTo(ToolResult.failure("Error: Failed to fetch URL: http://rebind.example/ - refused: "
                            + "rebind.example resolves to 64:ff9b:0:0:0:0:7f00:1, a NAT64 address carrying 127.0.0.1,"
                            + " a loopback address (allow it with WEB_ALLOWED_NETWORKS)"));
        }
    }

    @Test
    void aNameThatResolvesInsideIsRefusedBeforeAnyConnection() throws Exception {
        InetAddress metadata = InetAddress.ofLiteral("169.254.169.254");
        try (WebTools tools = new WebTools(WebSettings.fromEnv(Map.of()), host -> List.of(metadata))) {
            ToolResult result = call(tools.fetch(), Map.of("url", "http://innocent.example/latest/meta-data/"));

            assertThat(result)
                    .isEqualTo(
                            ToolResult.failure(
                                    "Error: Failed to fetch URL: http://innocent.example/latest/meta-data/"
                                            + " - refused: innocent.example resolves to 169.254.169.254, a cloud metadata address (allow it with WEB_ALLOWED_NETWORKS)"));
        }
    }

    @Test
    void theConnectionGoesToTheAddressThatWasChecked() throws Exception {
        // Only the scripted lookup knows this name; the system resolver cannot. The page arrives, so
        // the HTTP client connected to the pinned, checked address.
        InetAddress loopback = InetAddress.ofLiteral("127.0.0.1");
        Map<String, String> env = Map.of("WEB_ALLOWED_NETWORKS", "127.0.0.1/32");
        try (WebTools tools = new WebTools(WebSettings.fromEnv(env), host -> List.of(loopback))) {
            ToolResult result = call(tools.fetch(), Map.of("url", "http://fixture.invalid:" + site.port() + "/json"));

            assertThat(result.error()).isFalse();
            assertThat(result.text())
                    .isEqualTo("Content from http://fixture.invalid:" + site.port() + "/json:\n\n{\"answer\":42}");
        }
    }

    private static ToolResult call(Tool tool, Map<String, Object> arguments) throws Exception {
        return tool.handler().handle(((Tool.Binding.Bound) tool.bind(arguments)).arguments());
    }
}
