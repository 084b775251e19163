import io.langop.kit.trigger.OutgoingEvent;
import io.langop.kit.trigger.SignedEventPoster;
import io.langop.kit.trigger.WebhookRecipient;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.retry.Backoff;
import io.langop.server.metrics.MeterRegistries;
import io.langop.wire.AgentTriggers;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Forwarded events per second per agent: {@code agents} agent runtimes (each with a forwarded trigger as the operator
 * configures one: langop's hmac, a CEL condition and mapping), and per agent one sender that posts ConfigMap changes
 * (structured CloudEvents of ~1.6 KB, each its own id) one at a time through {@link SignedEventPoster}, as the
 * operator delivers an agent's events, for {@code seconds}; all senders share one poster and HTTP client, as in the
 * operator. The agent checks the signature, decides and forces the event to disk before its 202. A second pass posts
 * changes the condition holds back (200, nothing written).
 * Usage: java -cp ... ForwardBench.java [seconds] [agents] [workspace]
 */
public class ForwardBench {

    private static final String SECRET = "0123456789abcdef".repeat(4);
    private static final String CLOUD_EVENT = "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":"
            + "\"/api/v1/namespaces/shop/configmaps/settings\",\"type\":\"io.k8s.configmap.modified\",\"subject\":"
            + "\"settings\",\"time\":\"%s\",\"datacontenttype\":\"application/json\",\"data\":{\"change\":\"modified\","
            + "\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\","
            + "\"namespace\":\"shop\",\"uid\":\"5d3c\",\"resourceVersion\":\"%d\"},\"data\":{\"mode\":\"%s\","
            + "\"padding\":\"%s\"}}}}";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path root = Path.of(args.length > 2 ? args[2] : "target/forward");
        var trigger = new AgentTriggers.Webhook(
                "settings",
                AgentTriggers.HMAC,
                "SETTINGS_SECRET",
                Map.of(),
                "event.change == 'modified' && event.object.data.mode == 'storm'",
                Map.of("change", "event.change", "mode", "event.object.data.mode"));
        PrometheusMeterRegistry meters = MeterRegistries.prometheus();
        try (var llm = new ScriptedOpenAiServer();
                HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
            // the operator's poster: one for every agent, 0.5 s doubling to 30 s between attempts
            SignedEventPoster poster = new SignedEventPoster(
                    http,
                    Clock.systemUTC(),
                    new Backoff(Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30)),
                    meters);
            List<AutoCloseable> open = new ArrayList<>();
            List<WebhookRecipient> recipients = new ArrayList<>();
            try {
                for (int i = 0; i < agents; i++) {
                    var runtime = BenchAgent.connect(llm.rootUrl(), root.resolve("agent-" + i), trigger, SECRET);
                    open.add(runtime);
                    var server = runtime.serve();
                    open.add(server);
                    recipients.add(
                            new Recipient(URI.create("http://127.0.0.1:" + server.port() + "/webhook/settings"), i));
                }
                System.out.printf(
                        Locale.ROOT,
                        "%d agent(s), one sender each through one poster, %d s per pass, CloudEvent %d bytes, %s%n",
                        agents,
                        seconds,
                        cloudEvent("x", 0, "storm").length(),
                        root);
                pass("warm-up", poster, recipients, Math.max(2, seconds / 3), "storm");
                pass("accepted (202, kept on disk)", poster, recipients, seconds, "storm");
                pass("held back (200, condition false)", poster, recipients, seconds, "calm");
            } finally {
                for (AutoCloseable closing : open.reversed()) {
                    closing.close();
                }
            }
            System.out.println("the poster's meters:");
            meters.scrape()
                    .lines()
                    .filter(line -> line.startsWith("langop_trigger_deliveries_total")
                            || line.startsWith("langop_trigger_delivery_retries_total")
                            || line.startsWith("langop_trigger_delivery_duration_seconds_count")
                            || line.startsWith("langop_trigger_delivery_duration_seconds_sum"))
                    .forEach(line -> System.out.println("  " + line));
        }
    }

    private static String cloudEvent(String id, long version, String mode) {
        return CLOUD_EVENT.formatted(id, Instant.now(), version, mode, "x".repeat(1024));
    }

    private static void pass(
            String name, SignedEventPoster poster, List<WebhookRecipient> recipients, int seconds, String mode)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        BooleanSupplier never = () -> false;
        List<List<Long>> latencies = new ArrayList<>();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (WebhookRecipient recipient : recipients) {
                List<Long> mine = new ArrayList<>();
                latencies.add(mine);
                running.add(senders.submit(() -> {
                    for (long version = 1; System.nanoTime() < end; version++) {
                        String id = name.hashCode() + "-" + recipient + "/" + version + "-" + System.nanoTime();
                        long started = System.nanoTime();
                        poster.post(
                                recipient,
                                new OutgoingEvent(id, "io.k8s.configmap.modified", cloudEvent(id, version, mode)),
                                never);
                        mine.add(System.nanoTime() - started);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        }
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        double perAgent = latencies.stream().mapToInt(List::size).average().orElse(0) / seconds;
        System.out.printf(
                Locale.ROOT,
                "%-34s %7.0f events/s per agent (%6.0f in all)  p50 %6.2f ms  p99 %6.2f ms  (%d events)%n",
                name,
                perAgent,
                all.size() / (double) seconds,
                all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.99)) / 1e6,
                all.size());
    }

    private record Recipient(URI endpoint, int index) implements WebhookRecipient {
        @Override
        public String triggerType() {
            return "kubernetes-event";
        }

        @Override
        public String agent() {
            return "agent-" + index;
        }

        @Override
        public String secret(BooleanSupplier stopping) {
            return SECRET;
        }

        @Override
        public String toString() {
            return "agent-" + index;
        }
    }
}
