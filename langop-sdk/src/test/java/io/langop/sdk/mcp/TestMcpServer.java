package io.langop.sdk.mcp;

import io.langop.server.ServiceServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real MCP server (the official Java SDK over streamable HTTP on the project's Jetty stack) with
 * tools given as name + handler; every call is recorded.
 */
public final class TestMcpServer implements AutoCloseable {

    /**
     * A tool: its answer is the handler's text, or an {@code isError} result when the handler throws.
     * A tool with an output schema also answers {@code data} as structured content.
     *
     * @param readOnlyHint whether the tool is listed with MCP's {@code readOnlyHint: true} annotation
     */
    public record TestTool(
            String name,
            String description,
            Map<String, Object> inputSchema,
            Function<Map<String, Object>, String> handler,
            Map<String, Object> outputSchema,
            Function<Map<String, Object>, Map<String, Object>> data,
            boolean readOnlyHint) {
        public static TestTool of(String name, String parameter, Function<Map<String, Object>, String> handler) {
            return new TestTool(
                    name,
                    "test tool " + name,
                    Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of(parameter, Map.of("type", "string", "description", parameter)),
                            "required",
                            List.of(parameter)),
                    handler,
                    null,
                    null,
                    false);
        }

        /**
         * A tool that answers "late" only once {@code release} is counted down (at most 10 s later), to hold a run
         * in flight; an interrupt ends the wait early.
         */
        public static TestTool blockingUntil(String name, String parameter, CountDownLatch release) {
            return of(name, parameter, args -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return "late";
            });
        }

        /** The same tool answering structured content of {@code outputSchema} beside its text. */
        public TestTool withData(
                Map<String, Object> outputSchema, Function<Map<String, Object>, Map<String, Object>> data) {
            return new TestTool(name, description, inputSchema, handler, outputSchema, data, readOnlyHint);
        }

        /** The same tool declaring that it only reads ({@code readOnlyHint: true}). */
        public TestTool asReadOnly() {
            return new TestTool(name, description, inputSchema, handler, outputSchema, data, true);
        }
    }

    private final ServiceServer http;
    private final McpSyncServer mcp;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    // The SDK deprecates the HTTP+SSE transport; the legacy server exists to test the client's fallback to it.
    @SuppressWarnings("deprecation")
    private TestMcpServer(int port, boolean legacySse, List<TestTool> tools) {
        var http = ServiceServer.builder("test-mcp").port(port).drainTimeout(java.time.Duration.ofMillis(50));
        if (legacySse) {
            // the pre-2025 HTTP+SSE transport: GET /sse opens the stream, POST /mcp/message carries requests
            var transport = HttpServletSseServerTransportProvider.builder()
                    .sseEndpoint("/sse")
                    .messageEndpoint("/mcp/message")
                    .build();
            this.mcp = withTools(McpServer.sync(transport), tools);
            http.servlet("/sse", transport).servlet("/mcp/message", transport);
        } else {
            var transport = HttpServletStreamableServerTransportProvider.builder()
                    .mcpEndpoint("/mcp")
                    .build();
            this.mcp = withTools(McpServer.sync(transport), tools);
            http.servlet("/mcp/*", transport);
        }
        this.http = http.start();
    }

    private <S extends McpServer.SyncSpecification<S>> McpSyncServer withTools(S server, List<TestTool> tools) {
        server.serverInfo("test-tools", "1.0.0")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build());
        for (TestTool tool : tools) {
            var descriptor =
                    McpSchema.Tool.builder(tool.name(), tool.inputSchema()).description(tool.description());
            if (tool.outputSchema() != null) {
                descriptor.outputSchema(tool.outputSchema());
            }
            if (tool.readOnlyHint()) {
                descriptor.annotations(
                        McpSchema.ToolAnnotations.builder().readOnlyHint(true).build());
            }
            server.toolCall(descriptor.build(), (exchange, request) -> {
                calls.add(tool.name() + " " + new java.util.TreeMap<>(request.arguments()));
                try {
                    var answer = McpSchema.CallToolResult.builder()
                            .addTextContent(tool.handler().apply(request.arguments()));
                    if (tool.data() != null) {
                        answer.structuredContent(tool.data().apply(request.arguments()));
                    }
                    return answer.build();
                } catch (RuntimeException failure) {
                    return McpSchema.CallToolResult.builder()
                            .addTextContent(failure.getMessage())
                            .isError(true)
                            .build();
                }
            });
        }
        return server.build();
    }

    /** A server speaking only the legacy HTTP+SSE transport. */
    public static TestMcpServer startLegacySse(TestTool... tools) {
        return new TestMcpServer(0, true, List.of(tools));
    }

    public static TestMcpServer start(TestTool... tools) {
        return new TestMcpServer(0, false, List.of(tools));
    }

    public static TestMcpServer startOn(int port, TestTool... tools) {
        return new TestMcpServer(port, false, List.of(tools));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + http.port() + "/mcp");
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        mcp.closeGracefully();
        http.close();
    }
}
