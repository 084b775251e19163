package io.langop.bench.tool;

import io.langop.kit.tool.Param;
import io.langop.kit.tool.Tool;
import io.langop.kit.tool.ToolResult;
import io.langop.kit.tool.ToolServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * MCP {@code tools/call} round trips on loopback for a trivial tool: {@code CLIENTS} official MCP
 * clients (streamable HTTP, one session each) call {@code echo} in a loop for {@code SECONDS}
 * after a warm-up; prints calls/s and latency percentiles.
 *
 * <p>Usage: {@code ./mvnw -q -f bench/tool-web/pom.xml compile exec:java -Dclients=32 -Dseconds=20}
 */
public final class ToolCallBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 32);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("warmup", 5));
        Duration measured = Duration.ofSeconds(Integer.getInteger("seconds", 20));

        Tool echo = Tool.builder("echo")
                .description("Returns its text")
                .param(Param.string("text").required())
                .handler(arguments -> ToolResult.success(arguments.string("text")))
                .build();
        try (ToolServer server = ToolServer.builder("bench").port(0).tool(echo).start();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<McpSyncClient> sessions = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(
                                        server.uri().toString())
                                .endpoint("/mcp")
                                .build())
                        .requestTimeout(Duration.ofSeconds(30))
                        .build();
                client.initialize();
                sessions.add(client);
            }
            run(sessions, threads, warmUp);
            long started = System.nanoTime();
            long[] latencies = run(sessions, threads, measured);
            double elapsedSeconds = (System.nanoTime() - started) / 1e9;
            sessions.forEach(McpSyncClient::close);

            Arrays.sort(latencies);
            System.out.printf(
                    "clients=%d cores=%d calls=%d duration=%.1fs%n",
                    clients, Runtime.getRuntime().availableProcessors(), latencies.length, elapsedSeconds);
            System.out.printf(
                    "throughput=%.0f calls/s p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n",
                    latencies.length / elapsedSeconds,
                    percentile(latencies, 50),
                    percentile(latencies, 90),
                    percentile(latencies, 99),
                    latencies[latencies.length - 1] / 1e6);
        }
        // Reactor's schedulers (inside the MCP client) are non-daemon threads that would keep exec:java waiting.
        System.exit(0);
    }

    /** Each client calls in a loop until the time is up; returns every call's latency in nanoseconds. */
    private static long[] run(List<McpSyncClient> sessions, ExecutorService threads, Duration duration)
            throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (McpSyncClient client : sessions) {
            results.add(threads.submit(() -> {
                long[] samples = new long[1024];
                int count = 0;
                CallToolRequest request = new CallToolRequest("echo", Map.of("text", "ping"));
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    client.callTool(request);
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                    }
                    samples[count++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(samples, count);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static double percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
