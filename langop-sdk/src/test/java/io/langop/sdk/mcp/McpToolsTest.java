package io.langop.sdk.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.sdk.retry.Backoff;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class McpToolsTest {

    private static final Backoff FAST = new Backoff(2, Duration.ofMillis(10), Duration.ofMillis(20));

    @Test
    void exposesEveryToolWithItsSchemaAndCallsItOverStreamableHttp() throws Exception {
        try (var server = TestMcpServer.start(
                        TestTool.of(
                                "web_search",
                                "query",
                                args -> "{\"results\":[{\"title\":\"" + args.get("query") + "\"}]}"),
                        TestTool.of("echo", "text", args -> "echo: " + args.get("text")));
                var tools = McpTools.connect(List.of(server.url()), FAST, Duration.ofSeconds(5))) {

            assertThat(tools.toolNames()).containsExactlyInAnyOrder("web_search", "echo");
            assertThat(tools.specifications())
                    .filteredOn(spec -> spec.name().equals("web_search"))
                    .singleElement()
                    .satisfies(spec -> {
                        assertThat(spec.parameters().required()).containsExactly("query");
                        assertThat(spec.parameters().properties()).containsKey("query");
                    });
            assertThat(tools.call("web_search", Map.of("query", "cve"))
                            .value()
                            .path("results")
                            .path(0)
                            .path("title")
                            .asText())
                    .isEqualTo("cve");
            assertThat(tools.execute("echo", "{\"text\":\"hi\"}")).isEqualTo("echo: hi");
            assertThat(server.calls()).containsExactly("web_search {query=cve}", "echo {text=hi}");
        }
    }

    @Test
    void structuredContentIsTheValueOfAToolStepWhileTheLlmReadsTheText() throws Exception {
        Map<String, Object> outputSchema = Map.of(
                "type",
                "object",
                "properties",
                Map.of("status", Map.of("type", "integer"), "url", Map.of("type", "string")),
                "required",
                List.of("status", "url"));
        try (var server = TestMcpServer.start(
                        TestTool.of("web_status", "url", args -> "Status for " + args.get("url") + ": 200 OK")
                                .withData(outputSchema, args -> Map.of("status", 200, "url", args.get("url"))));
                var tools = McpTools.connect(List.of(server.url()), FAST, Duration.ofSeconds(5))) {

            var result = tools.call("web_status", Map.of("url", "https://example.com"));

            assertThat(result.value().path("status").asInt()).isEqualTo(200);
            assertThat(result.value().path("url").asText()).isEqualTo("https://example.com");
            assertThat(result.text()).isEqualTo("Status for https://example.com: 200 OK");
            assertThat(tools.execute("web_status", "{\"url\":\"https://example.org\"}"))
                    .isEqualTo("Status for https://example.org: 200 OK");
        }
    }

    @Test
    void toolErrorsFailToolStepsButAreReportedToTheLlmAsText() throws Exception {
        try (var server = TestMcpServer.start(TestTool.of("fail", "x", args -> {
                    throw new IllegalArgumentException("argument 'x' is invalid");
                }));
                var tools = McpTools.connect(List.of(server.url()), FAST, Duration.ofSeconds(5))) {

            assertThatThrownBy(() -> tools.call("fail", Map.of("x", "1")))
                    .isInstanceOf(ToolCallException.class)
                    .hasMessage("tool 'fail' returned an error: argument 'x' is invalid");
            assertThat(tools.execute("fail", "{\"x\":\"1\"}"))
                    .isEqualTo("Error: tool 'fail' returned an error: argument 'x' is invalid");
            assertThat(tools.execute("missing", "{}"))
                    .startsWith("Error: tool 'missing' is not provided by any connected MCP server");
            assertThat(tools.execute("fail", "not json"))
                    .startsWith("Error: arguments for tool 'fail' are not a JSON object");
        }
    }

    @Test
    void aServerThatStaysDownLeavesTheAgentWithFewerTools() throws Exception {
        URI down = URI.create("http://127.0.0.1:" + freePort() + "/mcp");
        try (var server = TestMcpServer.start(TestTool.of("echo", "text", args -> "ok"));
                var tools = McpTools.connect(List.of(down, server.url()), FAST, Duration.ofSeconds(2))) {

            assertThat(tools.toolNames()).containsExactly("echo");
        }
    }

    @Test
    void aServerThatStartsLateIsConnectedByTheRetries() throws Exception {
        int port = freePort();
        var patient = new Backoff(20, Duration.ofMillis(100), Duration.ofMillis(200));
        try (var background = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<McpTools> connecting = background.submit(() ->
                    McpTools.connect(List.of(URI.create("http://127.0.0.1:" + port)), patient, Duration.ofSeconds(2)));
            Thread.sleep(300); // the sidecar comes up after the agent's first attempts
            try (var server = TestMcpServer.startOn(port, TestTool.of("late_tool", "x", args -> "here"));
                    var tools = connecting.get()) {
                assertThat(tools.toolNames()).containsExactly("late_tool");
                assertThat(tools.execute("late_tool", "{\"x\":\"1\"}")).isEqualTo("here");
            }
        }
    }

    @Test
    void aToolServerRestartingDuringTheNextCallIsReachedAgainWithBackoffAndRunsTheCallOnce() throws Exception {
        int port = freePort();
        var before = TestMcpServer.startOn(port, TestTool.of("echo", "text", args -> "before " + args.get("text")));
        try (var tools = McpTools.connect(List.of(before.url()), FAST, Duration.ofSeconds(5));
                var background = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(tools.call("echo", Map.of("text", "a")).text()).isEqualTo("before a");
            before.close();
            Future<TestMcpServer> restarting = background.submit(() -> {
                Thread.sleep(600); // down while the call's first attempts find nothing listening
                return TestMcpServer.startOn(port, TestTool.of("echo", "text", args -> "after " + args.get("text")));
            });

            try (var after = closeLater(restarting)) {
                assertThat(tools.call("echo", Map.of("text", "b")).text()).isEqualTo("after b");
                assertThat(after.get().calls()).containsExactly("echo {text=b}");
            }
        }
    }

    @Test
    void aToolServerRestartedBetweenCallsGetsANewSessionAndTheNextCallSucceeds() throws Exception {
        int port = freePort();
        var before = TestMcpServer.startOn(port, TestTool.of("echo", "text", args -> "before " + args.get("text")));
        try (var tools = McpTools.connect(List.of(before.url()), FAST, Duration.ofSeconds(5))) {
            assertThat(tools.call("echo", Map.of("text", "a")).text()).isEqualTo("before a");
            before.close();

            try (var after =
                    TestMcpServer.startOn(port, TestTool.of("echo", "text", args -> "after " + args.get("text")))) {
                // the new server does not know the agent's session: it answers 404 and ran nothing
                assertThat(tools.call("echo", Map.of("text", "b")).text()).isEqualTo("after b");
                assertThat(tools.call("echo", Map.of("text", "c")).text()).isEqualTo("after c");
                assertThat(after.calls()).containsExactly("echo {text=b}", "echo {text=c}");
            }
        }
    }

    @Test
    void aCallThatMayHaveReachedTheToolIsNotMadeAgainAfterTheServerCameBack() throws Exception {
        int port = freePort();
        CountDownLatch release = new CountDownLatch(1);
        var servers = new java.util.concurrent.CopyOnWriteArrayList<TestMcpServer>();
        servers.add(TestMcpServer.startOn(port, TestTool.of("send_email", "to", args -> {
            // the server goes down while the mail is being sent, and is back before the agent sees the failure
            Thread.ofVirtual().start(() -> {
                servers.getFirst().close();
                servers.add(TestMcpServer.startOn(port, TestTool.of("send_email", "to", again -> "sent again")));
            });
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return "sent";
        })));
        try (var tools = McpTools.connect(List.of(servers.getFirst().url()), FAST, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> tools.call("send_email", Map.of("to", "ops@example.com")))
                    .isInstanceOf(ToolCallException.class)
                    .hasMessageStartingWith("tool 'send_email' call failed: ");

            await().atMost(Duration.ofSeconds(5)).until(() -> servers.size() == 2);
            assertThat(servers.getFirst().calls()).containsExactly("send_email {to=ops@example.com}");
            assertThat(servers.getLast().calls()).isEmpty();
        } finally {
            release.countDown();
            servers.forEach(TestMcpServer::close);
        }
    }

    /** The server a background task starts, closed with the try block that receives it. */
    private static AutoCloseableServer closeLater(Future<TestMcpServer> starting) {
        return new AutoCloseableServer(starting);
    }

    private record AutoCloseableServer(Future<TestMcpServer> starting) implements AutoCloseable {
        TestMcpServer get() throws Exception {
            return starting.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            get().close();
        }
    }

    @Test
    void fallsBackToHttpSseForServersWithoutStreamableHttp() throws Exception {
        try (var server =
                        TestMcpServer.startLegacySse(TestTool.of("legacy", "x", args -> "from sse " + args.get("x")));
                var tools = McpTools.connect(List.of(server.url()), FAST, Duration.ofSeconds(5))) {

            assertThat(tools.toolNames()).containsExactly("legacy");
            assertThat(tools.execute("legacy", "{\"x\":\"1\"}")).isEqualTo("from sse 1");
        }
    }

    static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
