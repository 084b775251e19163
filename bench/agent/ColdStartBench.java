import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Agent cold start: from spawning `langop run Agent.java` (scheduled mode, so the agent compiles the
 * source, checks it and runs once) to the first request the scripted LLM receives. Measured without and
 * with a JDK 25 AOT cache (trained by one run with -XX:AOTCacheOutput), and with the cache plus the C1
 * compiler only (short-lived runs rarely profit from C2).
 * Usage: java ColdStartBench.java CLASSPATH Agent.java [runs]
 */
public class ColdStartBench {

    private static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":0,"model":"bench",
             "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Nothing to report."}}],
             "usage":{"prompt_tokens":10,"completion_tokens":4,"total_tokens":14}}""";

    private static volatile CompletableFuture<Long> firstRequest = new CompletableFuture<>();

    public static void main(String[] args) throws Exception {
        String classpath = args[0];
        Path agent = Path.of(args[1]).toAbsolutePath();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path work = Files.createTempDirectory("langop-bench");
        Path aotCache = work.resolve("agent.aot");

        HttpServer llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.createContext("/v1/chat/completions", exchange -> {
            firstRequest.complete(System.nanoTime());
            exchange.getRequestBody().readAllBytes();
            byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        llm.start();
        String endpoint = "http://127.0.0.1:" + llm.getAddress().getPort();

        try {
            measure("without AOT cache", runs, List.of(), classpath, agent, endpoint, work);
            runOnce(List.of("-XX:AOTCacheOutput=" + aotCache), classpath, agent, endpoint, work);
            System.out.printf("cold start: AOT cache trained, %d MiB%n", Files.size(aotCache) >> 20);
            measure("with AOT cache   ", runs, List.of("-XX:AOTCache=" + aotCache), classpath, agent, endpoint, work);
            measure("with AOT cache, C1 only", runs, List.of("-XX:AOTCache=" + aotCache, "-XX:TieredStopAtLevel=1"), classpath, agent, endpoint, work);
        } finally {
            llm.stop(0);
        }
    }

    private static void measure(String label, int runs, List<String> jvmFlags, String classpath, Path agent, String endpoint, Path work) throws Exception {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = runOnce(jvmFlags, classpath, agent, endpoint, work);
        }
        Arrays.sort(millis);
        System.out.printf("cold start %s: median %.0f ms, min %.0f ms, max %.0f ms over %d runs%n",
                label, millis[runs / 2], millis[0], millis[runs - 1], runs);
    }

    /** Milliseconds from process spawn to the first LLM request; fails if the agent does not exit 0. */
    private static double runOnce(List<String> jvmFlags, String classpath, Path agent, String endpoint, Path work) throws Exception {
        firstRequest = new CompletableFuture<>();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classpath, "io.langop.agent.cli.Main", "run", agent.toString(),
                "--mode", "scheduled", "--model-endpoint", endpoint, "--workspace", work.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("agent.log").toFile());
        builder.environment().put("LOG_LEVEL", "WARN");
        long spawned = System.nanoTime();
        Process process = builder.start();
        CompletableFuture.anyOf(firstRequest, process.onExit()).get(300, TimeUnit.SECONDS);
        if (!firstRequest.isDone()) {
            throw new IOException("agent exited with " + process.exitValue() + " before calling the model, see " + work.resolve("agent.log"));
        }
        long received = firstRequest.get();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("agent run failed, see " + work.resolve("agent.log"));
        }
        return (received - spawned) / 1e6;
    }
}
