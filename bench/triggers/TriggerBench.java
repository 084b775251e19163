import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.wire.AgentTriggers;
import io.langop.wire.HmacSha256;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accepted webhook events per second of one agent: {@code senders} clients post signed GitHub "issue opened"
 * deliveries (each with its own delivery id) for {@code seconds} to {@code /webhook/github}, which checks the
 * signature, evaluates the filter, the CEL condition and the mapping and forces the event to disk before it answers
 * 202. The runs are trivial (one custom step), so the figure is the endpoint's, not the model's. A second pass posts
 * deliveries the condition holds back (200, nothing written), which isolates the cost of keeping events on disk.
 * Usage: java -cp ... TriggerBench.java [seconds] [senders] [workspace]
 */
public class TriggerBench {

    private static final String SECRET = "0123456789abcdef".repeat(4);
    private static final String BODY = "{\"action\":\"%s\",\"issue\":{\"number\":%d,\"title\":\"disk full\","
            + "\"labels\":[{\"name\":\"bug\"}]},\"repository\":{\"full_name\":\"acme/shop\"},\"sender\":{\"login\":"
            + "\"ada\"},\"padding\":\"%s\"}";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path workspace = Path.of(args.length > 2 ? args[2] : "target/workspace");
        var trigger = new AgentTriggers.Webhook(
                "github",
                AgentTriggers.GITHUB,
                "GH_SECRET",
                Map.of("headers.x-github-event", "issues"),
                "event.action == 'opened' && event.issue.labels.exists(l, l.name == 'bug')",
                Map.of("repo", "event.repository.full_name", "number", "event.issue.number"));
        try (var llm = new ScriptedOpenAiServer()) {
            try (var runtime = BenchAgent.connect(llm.rootUrl(), workspace, trigger, SECRET);
                    var server = runtime.serve()) {
                URI endpoint = URI.create("http://127.0.0.1:" + server.port() + "/webhook/github");
                System.out.printf(
                        Locale.ROOT,
                        "%d senders, %d s per pass, body %d bytes, workspace %s%n",
                        senders,
                        seconds,
                        body("opened", 0).length(),
                        workspace);
                pass("warm-up", endpoint, senders, Math.max(2, seconds / 3), "opened", 202);
                pass("accepted (202, kept on disk)", endpoint, senders, seconds, "opened", 202);
                pass("held back (200, condition false)", endpoint, senders, seconds, "closed", 200);
            }
        }
    }

    private static String body(String action, long number) {
        return BODY.formatted(action, number, "x".repeat(1024));
    }

    private static void pass(String name, URI endpoint, int senders, int seconds, String action, int expected)
            throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong numbers = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (var pool = Executors.newFixedThreadPool(senders)) {
            for (int i = 0; i < senders; i++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long number = numbers.incrementAndGet();
                        String body = body(action, number);
                        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                        HttpRequest request = HttpRequest.newBuilder(endpoint)
                                .header("Content-Type", "application/json")
                                .header("X-GitHub-Event", "issues")
                                .header("X-GitHub-Delivery", action + "-" + number + "-" + System.nanoTime())
                                .header("X-Hub-Signature-256", new HmacSha256(SECRET).sign(bytes))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build();
                        long started = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        latencies.add(System.nanoTime() - started);
                        if (response.statusCode() != expected) {
                            unexpected.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-34s %8.0f events/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests, %d unexpected answers)%n",
                name,
                sorted.size() / (double) seconds,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                sorted.size(),
                unexpected.get());
    }
}
