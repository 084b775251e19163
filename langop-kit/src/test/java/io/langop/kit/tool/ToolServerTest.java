package io.langop.kit.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.langop.server.testing.OversizeBodies;
import io.langop.server.testing.RawHttpClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToolServerTest {

    private final CountDownLatch slowCallStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSlowCall = new CountDownLatch(1);

    private final Tool echo = Tool.builder("echo")
            .description("Repeat a text")
            .param(Param.string("text").required().description("What to repeat"))
            .param(Param.integer("times").defaultValue(1).validate(Validator.range(1, 3)))
            .handler(args -> ToolResult.success(
                    String.join(" ", java.util.Collections.nCopies((int) args.integer("times"), args.string("text")))))
            .build();
    private final Tool fail = Tool.builder("fail")
            .description("Always fails")
            .handler(args -> {
                throw new IllegalStateException("boom");
            })
            .build();
    private final Tool refuse = Tool.builder("refuse")
            .description("Reports a failure it expected")
            .handler(args -> ToolResult.failure("Error: nothing to do"))
            .build();
    private final Tool slow = Tool.builder("slow")
            .description("Waits until the test lets it finish")
            .handler(args -> {
                slowCallStarted.countDown();
                return releaseSlowCall.await(10, TimeUnit.SECONDS)
                        ? ToolResult.success("finished")
                        : ToolResult.failure("timed out");
            })
            .build();

    /** Answers text and data; the data is a record, as tools usually build it. */
    private final Tool lookup = Tool.builder("lookup")
            .description("Finds a word")
            .param(Param.string("word").required())
            .output(Shape.object()
                    .field("word", Shape.string("The word looked up"))
                    .field("hits", Shape.listOf(Shape.object().field("line", Shape.integer("Line number"))), "Where"))
            .readOnly()
            .handler(args -> ToolResult.success(
                    "2 hits for " + args.string("word"),
                    new Found(args.string("word"), List.of(new Hit(3), new Hit(14)))))
            .build();
    /** Declares data but forgets to return it: a bug that must show as such, not as a valid answer. */
    private final Tool forgetful = Tool.builder("forgetful")
            .description("Declares an output shape and answers text only")
            .output(Shape.object().field("value", Shape.string("Never sent")))
            .handler(args -> ToolResult.success("just text"))
            .build();

    record Found(String word, List<Hit> hits) {}

    record Hit(int line) {}

    private final ToolServer server = ToolServer.builder("test-tools")
            .version("1.2.3")
            .port(0)
            .tools(List.of(echo, fail, refuse, slow, lookup, forgetful))
            .allowedOrigins(List.of("http://localhost:6274"))
            .start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void initializeAndListToolsOverStreamableHttp() {
        try (McpSyncClient client =
                client(HttpClientStreamableHttpTransport.builder(server.uri().toString())
                        .endpoint("/mcp")
                        .build())) {
            var init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("test-tools");
            assertThat(init.serverInfo().version()).isEqualTo("1.2.3");
            assertThat(init.capabilities().tools()).isNotNull();

            var tools = client.listTools().tools();

            assertThat(tools)
                    .extracting(t -> t.name())
                    .containsExactly("echo", "fail", "refuse", "slow", "lookup", "forgetful");
            var listed = tools.getFirst();
            assertThat(listed.description()).isEqualTo("Repeat a text");
            assertThat(listed.inputSchema())
                    .isEqualTo(Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of(
                                    "text", Map.of("type", "string", "description", "What to repeat"),
                                    "times", Map.of("type", "integer", "default", 1, "minimum", 1, "maximum", 3)),
                            "required",
                            List.of("text"),
                            "additionalProperties",
                            false));
            assertThat(listed.annotations())
                    .as("a tool that does not say it only reads")
                    .isNull();
            assertThat(tools.get(4).annotations().readOnlyHint()).isTrue();
        }
    }

    @Test
    void listensOnTheBindAddressItIsGiven() {
        try (ToolServer loopbackOnly = ToolServer.builder("loopback-tools")
                        .port(0)
                        .bindAddress(java.net.InetAddress.getLoopbackAddress())
                        .tool(echo)
                        .start();
                McpSyncClient client = client(HttpClientStreamableHttpTransport.builder(
                                loopbackOnly.uri().toString())
                        .endpoint("/mcp")
                        .build())) {
            assertThat(loopbackOnly.uri()).hasToString("http://127.0.0.1:" + loopbackOnly.port());
            client.initialize();
            assertThat(client.callTool(call("echo", Map.of("text", "hi"))).content())
                    .singleElement()
                    .satisfies(content ->
                            assertThat(((TextContent) content).text()).isEqualTo("hi"));
        }
    }

    @Test
    void callsReturnTheToolsTextWithArgumentsCoerced() {
        try (McpSyncClient client = streamableClient()) {
            CallToolResult result = client.callTool(call("echo", Map.of("text", "hi", "times", "2")));

            assertThat(result.isError()).isFalse();
            assertThat(text(result)).isEqualTo("hi hi");
        }
    }

    @Test
    void aToolWithAnOutputShapeListsItsOutputSchema() {
        try (McpSyncClient client = streamableClient()) {
            var listed = client.listTools().tools().stream()
                    .filter(tool -> tool.name().equals("lookup"))
                    .findFirst()
                    .orElseThrow();

            assertThat(listed.outputSchema())
                    .isEqualTo(Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of(
                                    "word",
                                    Map.of("type", "string", "description", "The word looked up"),
                                    "hits",
                                    Map.of(
                                            "type",
                                            "array",
                                            "items",
                                            Map.of(
                                                    "type",
                                                    "object",
                                                    "properties",
                                                    Map.of(
                                                            "line",
                                                            Map.of("type", "integer", "description", "Line number")),
                                                    "required",
                                                    List.of("line")),
                                            "description",
                                            "Where")),
                            "required",
                            List.of("word", "hits")));
            assertThat(client.listTools().tools().getFirst().outputSchema()).isNull();
        }
    }

    @Test
    void aToolWithAnOutputShapeAnswersStructuredContentAndText() {
        try (McpSyncClient client = streamableClient()) {
            CallToolResult result = client.callTool(call("lookup", Map.of("word", "shape")));

            assertThat(result.isError()).isFalse();
            assertThat(text(result)).isEqualTo("2 hits for shape");
            assertThat(result.structuredContent())
                    .isEqualTo(Map.of("word", "shape", "hits", List.of(Map.of("line", 3), Map.of("line", 14))));
            assertThat(text(client.callTool(call("echo", Map.of("text", "plain")))))
                    .isEqualTo("plain");
        }
    }

    @Test
    void aToolThatDeclaresDataButAnswersTextOnlyFailsAsABug() throws Exception {
        try (McpSyncClient client = streamableClient()) {
            CallToolResult result = client.callTool(call("forgetful", Map.of()));

            assertThat(result.isError()).isTrue();
            assertThat(text(result))
                    .isEqualTo("Error: the tool declares an output shape but returned no structured content");
        }
        assertThat(get("/metrics").body())
                .contains("langop_tool_calls_seconds_count{outcome=\"exception\",tool=\"forgetful\"} 1");
    }

    @Test
    void invalidArgumentsGiveAnErrorResultNamingEachParameter() {
        try (McpSyncClient client = streamableClient()) {
            CallToolResult result = client.callTool(call("echo", Map.of("times", 7)));

            assertThat(result.isError()).isTrue();
            assertThat(text(result))
                    .isEqualTo(
                            "Missing required parameter 'text'; Invalid parameter 'times': must be between 1 and 3, got 7");
        }
    }

    @Test
    void failuresAndExceptionsAreErrorResultsNotProtocolErrors() {
        try (McpSyncClient client = streamableClient()) {
            CallToolResult thrown = client.callTool(call("fail", Map.of()));
            CallToolResult refused = client.callTool(call("refuse", Map.of()));

            assertThat(thrown.isError()).isTrue();
            assertThat(text(thrown)).isEqualTo("Error: boom");
            assertThat(refused.isError()).isTrue();
            assertThat(text(refused)).isEqualTo("Error: nothing to do");
        }
    }

    @Test
    @SuppressWarnings("deprecation") // the SDK deprecates the HTTP+SSE transport, which is what this test covers
    void olderClientsUseHttpWithServerSentEvents() {
        try (McpSyncClient client =
                client(HttpClientSseClientTransport.builder(server.uri().toString())
                        .sseEndpoint("/sse")
                        .build())) {
            client.initialize();

            assertThat(client.listTools().tools()).hasSize(6);
            assertThat(text(client.callTool(call("echo", Map.of("text", "sse")))))
                    .isEqualTo("sse");
        }
    }

    @Test
    void browserOriginsAreRefusedUnlessAllowed() throws Exception {
        String initialize = """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
         "capabilities":{},"clientInfo":{"name":"browser","version":"1"}}}""";

        assertThat(post(initialize, "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(post(initialize, "http://localhost:6274").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeTheMcpEndpointReadsItAndNoHeapIsHeldForIt() throws Exception {
        String accept = "Accept: application/json, text/event-stream";
        assertTooLarge(OversizeBodies.answerToAnnouncedBody(server.port(), ToolServer.MCP_PATH, accept));

        OversizeBodies.assertRefusedWithoutHoldingTheHeap(
                server.port(), ToolServer.MCP_PATH, ToolServerTest::assertTooLarge, accept);
        try (McpSyncClient client = streamableClient()) {
            assertThat(client.callTool(call("echo", Map.of("text", "still here")))
                            .isError())
                    .isFalse();
        }
    }

    private static void assertTooLarge(RawHttpClient.Answer answer) {
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"request_too_large\"");
    }

    @Test
    void servesHealthReadinessAndPerToolMetrics() throws Exception {
        try (McpSyncClient client = streamableClient()) {
            client.callTool(call("echo", Map.of("text", "a")));
            client.callTool(call("echo", Map.of("text", "b")));
            client.callTool(call("echo", Map.of()));
            client.callTool(call("fail", Map.of()));
        }

        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        String metrics = get("/metrics").body();
        assertThat(metrics)
                .contains("langop_tool_calls_seconds_count{outcome=\"success\",tool=\"echo\"} 2")
                .contains("langop_tool_calls_seconds_count{outcome=\"invalid_arguments\",tool=\"echo\"} 1")
                .contains("langop_tool_calls_seconds_count{outcome=\"exception\",tool=\"fail\"} 1")
                .contains("langop_tool_calls_seconds_bucket{outcome=\"success\",tool=\"echo\",le=");
    }

    @Test
    void closeLetsAnInFlightCallFinishThenStopsListening() throws Exception {
        // Own threads: the MCP client completes its responses on the common pool, which a blocked
        // caller there would starve on a small machine.
        URI healthz = URI.create(server.uri() + "/healthz");
        try (McpSyncClient client = streamableClient();
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<CallToolResult> inFlight = threads.submit(() -> client.callTool(call("slow", Map.of())));
            assertThat(slowCallStarted.await(5, TimeUnit.SECONDS)).isTrue();

            Future<?> closing = threads.submit(server::close);
            await().atMost(Duration.ofSeconds(5)).until(() -> get("/readyz").statusCode() == 503);
            releaseSlowCall.countDown();

            assertThat(text(inFlight.get(10, TimeUnit.SECONDS))).isEqualTo("finished");
            closing.get(15, TimeUnit.SECONDS);
        }
        assertThatThrownBy(
                        () -> http.send(HttpRequest.newBuilder(healthz).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    private McpSyncClient streamableClient() {
        McpSyncClient client =
                client(HttpClientStreamableHttpTransport.builder(server.uri().toString())
                        .endpoint("/mcp")
                        .build());
        client.initialize();
        return client;
    }

    private static McpSyncClient client(McpClientTransport transport) {
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10)).build();
    }

    private static CallToolRequest call(String tool, Map<String, Object> arguments) {
        return CallToolRequest.builder(tool).arguments(arguments).build();
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().getFirst()).text();
    }

    private HttpResponse<String> post(String json, String origin) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(server.mcpUri())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
