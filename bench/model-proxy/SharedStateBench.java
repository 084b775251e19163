import com.sun.net.httpserver.HttpServer;
import io.langop.memory.redis.RedisServer;
import io.langop.proxy.ModelProxy;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What sharing state through Redis costs the model proxy: streamed chat completions through one replica without
 * Redis, and through two replicas sharing one redis-server (rate limits taken from Redis on every request, usage sent
 * every second), clients alternating between the two. The upstream streams its answer chunk by chunk with a gap
 * between chunks, as an LLM does. Closed loop: {@code clients} concurrent streams for {@code seconds} per setup.
 * Everything runs on this machine (the proxies in this JVM), so the figures include the Redis server's and the
 * clients' share of the CPU. Usage: java -cp ... SharedStateBench.java [clients] [seconds] [chunks] [gapMillis]
 */
public class SharedStateBench {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int chunks = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int gapMillis = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path root = Files.createTempDirectory("shared-state-bench");
        HttpServer upstream = streamingUpstream(chunks, gapMillis);
        String upstreamUrl = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1";
        System.out.printf(
                Locale.ROOT,
                "%d concurrent streams, %d s per setup, %d chunks %d ms apart per answer; %d cores, load %s%n",
                clients,
                seconds,
                chunks,
                gapMillis,
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(
                Locale.ROOT, "%-34s %10s %8s %8s %14s%n", "setup", "streams/s", "p50 ms", "p99 ms", "JVM CPU ms/req");
        try (RedisServer redis = RedisServer.start(root.resolve("redis"))) {
            Path url = root.resolve("redis-url");
            Files.writeString(url, redis.url());
            for (int round = 0; round < 2; round++) {
                String label = round == 0 ? " (warm-up)" : "";
                try (ModelProxy alone = proxy(root.resolve("alone" + round), "", upstreamUrl)) {
                    run("one replica, no Redis" + label, List.of(alone.uri()), clients, seconds);
                }
                String shared = "sharedState: {redis: {file: \"" + url + "\"}, keyPrefix: \"bench" + round
                        + ":\", replicas: 2}\n";
                try (ModelProxy a = proxy(root.resolve("a" + round), shared, upstreamUrl);
                        ModelProxy b = proxy(root.resolve("b" + round), shared, upstreamUrl)) {
                    run("two replicas sharing Redis" + label, List.of(a.uri(), b.uri()), clients, seconds);
                }
            }
        } finally {
            upstream.stop(0);
        }
    }

    private static ModelProxy proxy(Path dir, String sharedState, String upstreamUrl) throws Exception {
        Files.createDirectories(dir);
        Path config = dir.resolve("proxy.yaml");
        Files.writeString(config, sharedState + """
                models:
                  - name: m
                    endpoints: [{url: "%s"}]
                    rateLimits: {requestsPerMinute: 100000000, tokensPerMinute: 2000000000}
                    pricing: {inputPer1kTokens: 0.001, outputPer1kTokens: 0.002}
                """.formatted(upstreamUrl));
        return ModelProxy.start(
                config, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofMinutes(1));
    }

    private static void run(String label, List<URI> proxies, int clients, int seconds) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body =
                "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"
                        .getBytes(StandardCharsets.UTF_8);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicLong next = new AtomicLong();
        long cpuBefore = cpuNanos();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        URI proxy = proxies.get((int) (next.getAndIncrement() % proxies.size()));
                        long started = System.nanoTime();
                        try {
                            HttpResponse<InputStream> response = http.send(
                                    HttpRequest.newBuilder(proxy.resolve("/v1/chat/completions"))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofInputStream());
                            try (InputStream in = response.body()) {
                                in.transferTo(OutputStream.nullOutputStream());
                            }
                            if (response.statusCode() == 200) {
                                latencies.add(System.nanoTime() - started);
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        long cpu = cpuNanos() - cpuBefore;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int done = sorted.size();
        System.out.printf(
                Locale.ROOT,
                "%-34s %10.1f %8.1f %8.1f %14.2f%s%n",
                label,
                done / (double) seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                done == 0 ? 0.0 : cpu / 1e6 / done,
                failed.get() == 0 ? "" : "  (" + failed.get() + " failed)");
        http.close();
    }

    private static double percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** An OpenAI-compatible upstream streaming {@code chunks} content chunks {@code gapMillis} apart, then usage. */
    private static HttpServer streamingUpstream(int chunks, int gapMillis) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (int i = 0; i < chunks; i++) {
                    out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"token" + i
                                    + " \"},\"finish_reason\":null}]}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(gapMillis);
                }
                out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                                + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + chunks
                                + ",\"total_tokens\":" + (12 + chunks) + "}}\n\ndata: [DONE]\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return server;
    }
}
