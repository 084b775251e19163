package io.langop.tool.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real main class in its own JVM, configured only through the environment as in a pod: it
 * serves on {@code PORT}, pins DNS with its own resolver, sends the configured User-Agent, and stops
 * on SIGTERM.
 */
class WebToolServerProcessTest {

    @Test
    void servesOnPortFromTheEnvironmentAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path log = dir.resolve("server.log");
        try (FixtureWebsite site = new FixtureWebsite()) {
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            WebToolServer.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment()
                    .putAll(Map.of(
                            "PORT",
                            Integer.toString(port),
                            "WEB_ALLOWED_NETWORKS",
                            "127.0.0.0/8",
                            "WEB_SEARCH_URL",
                            site.url("/html/"),
                            "WEB_USER_AGENT",
                            "pod-agent/2.0"));
            Process server = builder.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                URI ready = URI.create("http://127.0.0.1:" + port + "/readyz");
                await().atMost(Duration.ofSeconds(60))
                        .ignoreExceptions()
                        .until(() ->
                                http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                                                .statusCode()
                                        == 200);

                try (var client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                                .endpoint("/mcp")
                                .build())
                        .requestTimeout(Duration.ofSeconds(30))
                        .build()) {
                    client.initialize();
                    CallToolResult page = client.callTool(CallToolRequest.builder("web_fetch")
                            .arguments(Map.of("url", site.url("/article")))
                            .build());
                    CallToolResult found = client.callTool(CallToolRequest.builder("web_search")
                            .arguments(Map.of("query", "ruby", "max_results", 1))
                            .build());

                    assertThat(text(page))
                            .startsWith("Content from " + site.url("/article") + ":\n\n# Kubernetes CVE roundup");
                    assertThat(text(found))
                            .endsWith("1. Ruby Programming Language\n   URL: https://www.ruby-lang.org/en/");
                    assertThat(found.structuredContent())
                            .isEqualTo(Map.of(
                                    "results",
                                    List.of(Map.of(
                                            "title", "Ruby Programming Language",
                                            "url", "https://www.ruby-lang.org/en/",
                                            "snippet", "A dynamic, open source programming language"))));
                }
                assertThat(site.requests).contains("GET /article | pod-agent/2.0");
            } finally {
                server.destroy();
            }
            assertThat(server.waitFor(30, TimeUnit.SECONDS))
                    .as("stops on SIGTERM")
                    .isTrue();
        }
        assertThat(Files.readString(log))
                .contains("private networks allowed: [127.0.0.0/8]; DNS pinning active")
                .contains("langop-tool-web listening on port " + port);
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().getFirst()).text();
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
