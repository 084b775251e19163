import io.langop.memory.postgres.PostgresBackendProvider;
import io.langop.memory.postgres.PostgresServer;
import io.langop.memory.redis.RedisBackendProvider;
import io.langop.memory.redis.RedisServer;
import io.langop.memory.s3.S3BackendProvider;
import io.langop.memory.s3.S3ProxyServer;
import io.langop.sdk.memory.ChatTurn;
import io.langop.sdk.memory.Memory;
import io.langop.sdk.memory.MemoryLimits;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.MemorySettings;
import io.langop.sdk.memory.workspace.WorkspaceBackend;
import io.langop.sdk.retry.Backoff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Memory operations per backend at a fixed rate: each operation is started on its schedule (open loop), and its
 * latency counts from when it should have started, so a slow answer also delays the ones behind it in the figures.
 * Usage: java -cp ... MemoryBench.java [operationsPerSecond] [secondsPerOperation] [s3OperationsPerSecond]
 * (S3 gets its own, lower rate: one request costs it tens of milliseconds, so at the others' rate a single thread
 * falls behind and the figures measure the queue, not the store).
 */
public class MemoryBench {

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int s3Rate = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path root = Files.createTempDirectory("memory-bench");
        System.out.printf(
                Locale.ROOT,
                "%d operations/s (s3: %d), %d s per operation, one thread; latency from when due, in ms%n",
                rate,
                s3Rate,
                seconds);
        System.out.printf(
                Locale.ROOT, "%-10s %-22s %6s %8s %8s %8s%n", "backend", "operation", "rate", "p50", "p99", "max");
        bench("workspace", new WorkspaceBackend(root.resolve("workspace")), rate, seconds);
        if (RedisServer.program() != null) {
            try (RedisServer redis = RedisServer.start(root.resolve("redis"))) {
                bench("redis", new RedisBackendProvider().open(settings("redis", redis.url())), rate, seconds);
            }
        } else {
            System.out.println("redis      skipped: redis-server is not installed");
        }
        try (PostgresServer postgres = PostgresServer.start(root.resolve("postgres"))) {
            bench("postgres", new PostgresBackendProvider().open(settings("postgres", postgres.url())), rate, seconds);
        }
        try (S3ProxyServer s3 = S3ProxyServer.start(root.resolve("s3"))) {
            bench("s3", new S3BackendProvider().open(settings("s3", s3.url())), s3Rate, seconds);
        }
    }

    private static MemorySettings settings(String type, String url) {
        return new MemorySettings(type, url, "bench/agent", Path.of("unused"));
    }

    private static void bench(String name, MemoryBackend backend, int rate, int seconds) throws Exception {
        try (Memory memory = new Memory(backend, MemoryLimits.DEFAULT, Backoff.MEMORY)) {
            String value = "v".repeat(100);
            byte[] document = new byte[4096];
            Arrays.fill(document, (byte) 'd');
            for (int i = 0; i < 20; i++) {
                memory.conversations().append("history", ChatTurn.user("question " + i));
            }
            int keys = rate * seconds;
            measure(
                    name,
                    "state put (100 B)",
                    rate,
                    seconds,
                    i -> memory.state().put("key/" + i, value));
            measure(name, "state get", rate, seconds, i -> memory.state().get("key/" + (i % keys)));
            measure(
                    name,
                    "document put (4 KiB)",
                    rate,
                    seconds,
                    i -> memory.documents().put("doc/" + (i % 50), "text/plain", document));
            measure(
                    name,
                    "document get (4 KiB)",
                    rate,
                    seconds,
                    i -> memory.documents().get("doc/" + (i % 50)));
            measure(
                    name,
                    "turn append",
                    rate,
                    seconds,
                    i -> memory.conversations().append("chat/" + (i % 20), ChatTurn.user("message " + i)));
            measure(
                    name,
                    "history (20 turns)",
                    rate,
                    seconds,
                    i -> memory.conversations().history("history"));
        }
    }

    private static void measure(String backend, String operation, int rate, int seconds, IntConsumer call)
            throws InterruptedException {
        for (int i = 0; i < Math.min(rate, 50); i++) {
            call.accept(-1 - i); // warm-up, not counted
        }
        int count = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        List<Long> latencies = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            call.accept(i);
            latencies.add(System.nanoTime() - due);
        }
        latencies.sort(null);
        System.out.printf(
                Locale.ROOT,
                "%-10s %-22s %6d %8.2f %8.2f %8.2f%n",
                backend,
                operation,
                rate,
                millis(latencies.get(count / 2)),
                millis(latencies.get((int) Math.ceil(count * 0.99) - 1)),
                millis(latencies.getLast()));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
