import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Agent cold start: from spawning `langop run Agent.java` (scheduled mode, so the agent compiles the
 * source, checks it and runs once) to the first request the scripted LLM receives. Variants: no AOT
 * cache, a JDK 25 AOT cache (trained by one run with -XX:AOTCacheOutput), the cache with C1 only, and
 * the image's flags (cache, C1 only, Serial GC). Runs are interleaved (one of each variant per round)
 * so that the load of a shared machine weighs on every variant alike. Besides wall time it reports the
 * CPU time the agent process used until the request, in all and on its main thread (the critical path:
 * compile + check, then the run up to the request), which a loaded machine distorts far less. The cache
 * is trained on a different agent (TrainingAgent.java) than the one measured, as an image's cache would be.
 * Usage: java ColdStartBench.java CLASSPATH Agent.java TrainingAgent.java [runs]
 */
public class ColdStartBench {

    private static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":0,"model":"bench",
             "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Nothing to report."}}],
             "usage":{"prompt_tokens":10,"completion_tokens":4,"total_tokens":14}}""";

    private static volatile CompletableFuture<Long> firstRequest = new CompletableFuture<>();
    /** The model answers once the agent's CPU time is read, so that the figure stops at the request. */
    private static volatile CompletableFuture<Void> cpuRead = new CompletableFuture<>();

    record Sample(double wallMs, double cpuMs, double mainThreadCpuMs) {}

    public static void main(String[] args) throws Exception {
        String classpath = args[0];
        Path agent = Path.of(args[1]).toAbsolutePath();
        Path trainingAgent = Path.of(args[2]).toAbsolutePath();
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path work = Files.createTempDirectory("langop-bench");
        Path aotCache = work.resolve("agent.aot");

        HttpServer llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.createContext("/v1/chat/completions", exchange -> {
            firstRequest.complete(System.nanoTime());
            try {
                cpuRead.get(10, TimeUnit.SECONDS);
            } catch (Exception late) {
                // answer anyway
            }
            exchange.getRequestBody().readAllBytes();
            byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        llm.start();
        String endpoint = "http://127.0.0.1:" + llm.getAddress().getPort();

        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("no AOT cache", List.of());
        variants.put("AOT cache", List.of("-XX:AOTCache=" + aotCache));
        variants.put("AOT cache, C1 only", List.of("-XX:AOTCache=" + aotCache, "-XX:TieredStopAtLevel=1"));
        variants.put(
                "AOT cache, C1 only, Serial GC (image flags)",
                List.of("-XX:AOTCache=" + aotCache, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        try {
            System.out.printf("cold start: load average before %s%n", loadAverage());
            runOnce(List.of("-XX:AOTCacheOutput=" + aotCache), classpath, trainingAgent, endpoint, work);
            System.out.printf("cold start: AOT cache trained, %d MiB%n", Files.size(aotCache) >> 20);
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int round = 0; round < runs; round++) {
                for (var variant : variants.entrySet()) {
                    samples.computeIfAbsent(variant.getKey(), key -> new ArrayList<>())
                            .add(runOnce(variant.getValue(), classpath, agent, endpoint, work));
                }
            }
            samples.forEach((label, measured) -> System.out.printf(
                    "cold start, %s: wall median %.0f ms, min %.0f ms, max %.0f ms; cpu median %.0f ms, main thread %.0f ms (%d runs)%n",
                    label,
                    percentile(measured, Sample::wallMs, 0.5),
                    percentile(measured, Sample::wallMs, 0),
                    percentile(measured, Sample::wallMs, 1),
                    percentile(measured, Sample::cpuMs, 0.5),
                    percentile(measured, Sample::mainThreadCpuMs, 0.5),
                    measured.size()));
            System.out.printf("cold start: load average after %s%n", loadAverage());
        } finally {
            llm.stop(0);
        }
    }

    private static double percentile(
            List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value, double fraction) {
        double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
        return sorted[(int) Math.round(fraction * (sorted.length - 1))];
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException unavailable) {
            return "unknown";
        }
    }

    /** Wall and CPU time from process spawn to the first LLM request; fails if the agent does not exit 0. */
    private static Sample runOnce(List<String> jvmFlags, String classpath, Path agent, String endpoint, Path work)
            throws Exception {
        firstRequest = new CompletableFuture<>();
        cpuRead = new CompletableFuture<>();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        // started as the agent container is: `langop run`, configured by the environment the operator sets
        command.addAll(List.of("-cp", classpath, "io.langop.agent.cli.Main", "run"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("agent.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "LOG_LEVEL",
                        "WARN",
                        "AGENT_CODE_PATH",
                        agent.toString(),
                        "AGENT_MODE",
                        "scheduled",
                        "MODEL_ENDPOINTS",
                        endpoint,
                        "WORKSPACE_PATH",
                        work.toString()));
        long spawned = System.nanoTime();
        Process process = builder.start();
        CompletableFuture.anyOf(firstRequest, process.onExit()).get(300, TimeUnit.SECONDS);
        if (!firstRequest.isDone()) {
            throw new IOException("agent exited with " + process.exitValue() + " before calling the model, see "
                    + work.resolve("agent.log"));
        }
        long received = firstRequest.get();
        double cpuMs = process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        double mainThreadCpuMs = mainThreadCpuMs(process.pid());
        cpuRead.complete(null);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("agent run failed, see " + work.resolve("agent.log"));
        }
        return new Sample((received - spawned) / 1e6, cpuMs, mainThreadCpuMs);
    }

    /** User + system time of the threads Linux names "java": the launcher's and the Java main thread. */
    private static double mainThreadCpuMs(long pid) {
        double ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                if (stat.contains("(java)")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }
}
