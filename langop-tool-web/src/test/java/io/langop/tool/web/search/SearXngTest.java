package io.langop.tool.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.langop.tool.web.egress.AddressPolicy;
import io.langop.tool.web.egress.EgressSettings;
import io.langop.tool.web.egress.FetchException;
import io.langop.tool.web.egress.HostLookup;
import io.langop.tool.web.egress.WebClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A SearXNG instance on loopback, as it would run inside the cluster: trusted, so no allow-list is needed. */
class SearXngTest {

    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> query = new AtomicReference<>();
    private HttpServer searxng;
    private WebClient client;

    @BeforeEach
    void start() throws Exception {
        searxng = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        searxng.createContext("/search", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        searxng.start();
        client = WebClient.forEndpoint(
                new EgressSettings(
                        "ua", Duration.ofSeconds(2), Duration.ofSeconds(2), 65536, AddressPolicy.publicOnly()),
                HostLookup.SYSTEM,
                URI.create("http://127.0.0.1:" + searxng.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        client.close();
        searxng.stop(0);
    }

    @Test
    void readsTitlesAndUrlsFromTheJsonApi() throws FetchException {
        body.set("""
        {"results":[{"url":"https://kubernetes.io/","title":" Kubernetes ","content":" Production-Grade "},{"title":"no url"},
                    {"url":"https://github.com/kubernetes/kubernetes"},{"url":"https://example.com","title":"Third"}]}""");
        SearXng engine = new SearXng(
                URI.create("http://127.0.0.1:" + searxng.getAddress().getPort() + "/"), client);

        List<SearchResult> results = engine.search("k8s cve", 2);

        assertThat(results)
                .containsExactly(
                        new SearchResult("Kubernetes", "https://kubernetes.io/", "Production-Grade"),
                        new SearchResult(
                                "https://github.com/kubernetes/kubernetes",
                                "https://github.com/kubernetes/kubernetes",
                                ""));
        assertThat(query.get()).isEqualTo("format=json&q=k8s+cve");
    }

    @Test
    void anInstanceWithoutTheJsonFormatGetsAClearError() {
        body.set("<html>Forbidden</html>");
        SearXng engine = new SearXng(
                URI.create("http://127.0.0.1:" + searxng.getAddress().getPort()), client);

        assertThatThrownBy(() -> engine.search("x", 5))
                .isInstanceOf(FetchException.class)
                .hasMessage("SearXNG answered with invalid JSON (is the json format enabled?)");
    }
}
