package io.langop.kit.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.langop.sdk.retry.Backoff;
import io.langop.server.ServiceServer;
import io.langop.server.metrics.MeterRegistries;
import io.langop.server.telemetry.Telemetry;
import io.langop.trace.OtlpReceiver;
import io.langop.trace.OtlpReceiver.ReceivedSpan;
import io.langop.wire.AgentTriggers;
import io.langop.wire.HmacSha256;
import io.langop.wire.TelemetryEnv;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The poster against an agent's webhook stand-in on a loopback port, which checks langop's hmac signature as the agent
 * does and answers what each test scripts; its meters are read from a real {@code /metrics}.
 */
class SignedEventPosterTest {

    private static final String SECRET = "5ec7e7-0123456789abcdef0123456789abcdef";
    private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final Backoff FAST = new Backoff(Integer.MAX_VALUE, Duration.ofMillis(50), Duration.ofMillis(400));
    private static final OutgoingEvent EVENT = new OutgoingEvent(
            "uid-1/42", "io.k8s.configmap.modified", "{\"specversion\":\"1.0\",\"id\":\"uid-1/42\",\"data\":{}}");

    private final PrometheusMeterRegistry meters = MeterRegistries.prometheus();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SignedEventPoster poster = new SignedEventPoster(http, Clock.systemUTC(), FAST, meters);
    private WebhookStandIn agent;

    @BeforeEach
    void startAgent() throws IOException {
        agent = new WebhookStandIn();
    }

    @AfterEach
    void stop() {
        agent.close();
        http.close();
    }

    @Test
    void anAcceptedEventIsDeliveredOnceSignedWithTheSecretAndAFreshTimestamp() throws Exception {
        assertThat(poster.post(agent.recipient(SECRET), EVENT, () -> false))
                .isEqualTo(SignedEventPoster.Outcome.DELIVERED);

        assertThat(agent.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.status()).isEqualTo(202);
            assertThat(attempt.body()).isEqualTo(EVENT.json());
            assertThat(attempt.contentType()).isEqualTo("application/cloudevents+json");
        });
    }

    @Test
    void aBusyAgentIsAskedAgainAfterItsRetryAfterAndTheEventIsDeliveredOnce() throws Exception {
        agent.answerNext(429);

        assertThat(poster.post(agent.recipient(SECRET), EVENT, () -> false))
                .isEqualTo(SignedEventPoster.Outcome.DELIVERED);

        List<Attempt> attempts = agent.attempts();
        assertThat(attempts).extracting(Attempt::status).containsExactly(429, 202);
        assertThat(Duration.ofNanos(attempts.get(1).nanos() - attempts.get(0).nanos()))
                .as("Retry-After: 1 is waited out, not the 50 ms backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void failingAgentsAreTriedAgainAfterGrowingPausesUpToTheLongest() throws Exception {
        agent.answerNext(503, 500, 502, 503, 404);

        assertThat(poster.post(agent.recipient(SECRET), EVENT, () -> false))
                .isEqualTo(SignedEventPoster.Outcome.DELIVERED);

        List<Attempt> attempts = agent.attempts();
        assertThat(attempts).extracting(Attempt::status).containsExactly(503, 500, 502, 503, 404, 202);
        long[] pauses = new long[attempts.size() - 1];
        for (int i = 0; i < pauses.length; i++) {
            pauses[i] = (attempts.get(i + 1).nanos() - attempts.get(i).nanos()) / 1_000_000;
        }
        // 50, 100, 200, 400, 400 ms (the longest); each measured pause is at least its backoff
        assertThat(pauses[0]).isBetween(50L, 350L);
        assertThat(pauses[1]).isGreaterThanOrEqualTo(100);
        assertThat(pauses[2]).isGreaterThanOrEqualTo(200);
        assertThat(pauses[3]).isGreaterThanOrEqualTo(400);
        assertThat(pauses[4]).isBetween(400L, 1_000L);
    }

    @Test
    void aBrokenEventIsGivenUpAtOnce() throws Exception {
        agent.answerNext(413);

        assertThat(poster.post(agent.recipient(SECRET), EVENT, () -> false))
                .isEqualTo(SignedEventPoster.Outcome.FAILED);
        assertThat(agent.attempts()).hasSize(1);
    }

    @Test
    void aRefusedSignatureIsTriedAgainAndTheSecretIsInNoLogLineAndNoException() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SignedEventPoster.class);
        logger.addAppender(log);
        int[] asked = {0};
        // the agent knows another secret: every attempt is answered 401
        WebhookRecipient stale = agent.recipient("another-" + SECRET, () -> asked[0]++);
        BooleanSupplier afterThreeAttempts = () -> agent.attempts().size() >= 3;
        try {
            assertThatThrownBy(() -> poster.post(stale, EVENT, afterThreeAttempts))
                    .isInstanceOf(InterruptedException.class)
                    .satisfies(stopped -> assertThat(stopped.getMessage()).doesNotContain(SECRET));
        } finally {
            logger.detachAppender(log);
        }

        assertThat(agent.attempts()).extracting(Attempt::status).containsExactly(401, 401, 401);
        assertThat(asked[0]).as("the secret is asked again at each attempt").isEqualTo(3);
        assertThat(log.list).hasSizeGreaterThanOrEqualTo(3).allSatisfy(line -> {
            assertThat(line.getFormattedMessage()).doesNotContain(SECRET).contains(EVENT.id());
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void anAgentThatIsNotListeningIsTriedAgainUntilTheSenderStops() throws Exception {
        URI nobody;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = URI.create("http://127.0.0.1:" + free.getLocalPort() + "/webhook/x");
        }
        long started = System.nanoTime();
        BooleanSupplier afterHalfASecond = () -> System.nanoTime() - started > 500_000_000L;

        assertThatThrownBy(() -> poster.post(new Recipient(nobody, SECRET, () -> {}), EVENT, afterHalfASecond))
                .isInstanceOf(InterruptedException.class);

        assertThat(meters.scrape())
                .containsPattern(
                        "langop_trigger_delivery_retries_total\\{reason=\"unreachable\",trigger_type=\"test\"} [3-9]");
    }

    @Test
    void deliveriesRetriesAndTheirDurationAreOnTheMetricsEndpointByTriggerType() throws Exception {
        agent.answerNext(503, 404);
        poster.post(agent.recipient(SECRET), EVENT, () -> false);
        agent.answerNext(400);
        poster.post(agent.recipient(SECRET), EVENT, () -> false);

        String scraped;
        // the scraper's connection closes before the server, which then stops at once
        try (ServiceServer server = ServiceServer.builder("poster-test")
                        .port(0)
                        .bindAddress(InetAddress.getLoopbackAddress())
                        .meterRegistry(meters)
                        .start();
                HttpClient scraper = HttpClient.newHttpClient()) {
            scraped = scraper.send(
                            HttpRequest.newBuilder(server.uri().resolve("/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
        String delivered = "outcome=\"delivered\",trigger_type=\"test\"";
        assertThat(scraped)
                .contains("langop_trigger_deliveries_total{" + delivered + "} 1.0")
                .contains("langop_trigger_deliveries_total{outcome=\"failed\",trigger_type=\"test\"} 1.0")
                .contains("langop_trigger_delivery_retries_total{reason=\"server_error\",trigger_type=\"test\"} 1.0")
                .contains("langop_trigger_delivery_retries_total{reason=\"not_ready\",trigger_type=\"test\"} 1.0")
                .contains("langop_trigger_delivery_duration_seconds_count{" + delivered + "} 1")
                // 50 + 100 ms of backoff
                .contains("langop_trigger_delivery_duration_seconds_bucket{" + delivered + ",le=\"0.1\"} 0")
                .contains("langop_trigger_delivery_duration_seconds_bucket{" + delivered + ",le=\"5.0\"} 1");
    }

    @Test
    void eachAttemptCarriesTheTraceContextOfItsSpanAndRetriesStayInTheDeliverysTrace() throws Exception {
        agent.answerNext(503);
        List<ReceivedSpan> spans;
        try (OtlpReceiver collector = new OtlpReceiver()) {
            try (Telemetry tracing = tracingTo(collector)) {
                assertThat(poster.post(agent.recipient(SECRET), EVENT, () -> false))
                        .isEqualTo(SignedEventPoster.Outcome.DELIVERED);
            }
            spans = collector.spans();
        }

        ReceivedSpan delivery = single(spans, "deliver stand-in/test");
        assertThat(delivery.kind()).isEqualTo("PRODUCER");
        assertThat(delivery.isRoot()).as("a delivery starts its trace").isTrue();
        assertThat(delivery.failed()).isFalse();
        assertThat(delivery.attributes())
                .containsEntry("langop.agent", "stand-in")
                .containsEntry("langop.trigger", "test")
                .containsEntry("langop.trigger.type", "test")
                .containsEntry("cloudevents.event_id", EVENT.id())
                .containsEntry("cloudevents.event_type", EVENT.type())
                .containsEntry("langop.trigger.attempts", "2")
                .containsEntry("http.response.status_code", "202");
        List<ReceivedSpan> posts =
                spans.stream().filter(span -> span.name().equals("POST")).toList();
        assertThat(posts).hasSize(2).allSatisfy(post -> {
            assertThat(post.kind()).isEqualTo("CLIENT");
            assertThat(post.traceId()).isEqualTo(delivery.traceId());
            assertThat(post.parentSpanId()).isEqualTo(delivery.spanId());
        });
        assertThat(posts)
                .extracting(post -> post.attribute("http.response.status_code"))
                .containsExactly("503", "202");
        assertThat(posts.getFirst().failed()).isTrue();
        assertThat(posts.get(1).attribute("http.request.resend_count")).isEqualTo("1");
        List<Attempt> attempts = agent.attempts();
        assertThat(attempts).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(attempts.get(i).traceparent())
                    .as("attempt %d sent its own span, sampled, as the parent of what the agent does with it", i + 1)
                    .startsWith("00-" + delivery.traceId() + "-" + posts.get(i).spanId() + "-")
                    .satisfies(traceparent -> assertThat(Integer.parseInt(traceparent.substring(53), 16) & 1)
                            .isEqualTo(1));
        }
    }

    @Test
    void theDurationHistogramKeepsAnExemplarOfTheDeliverysTraceOnlyWhileTracingIsOn() throws Exception {
        // a registry of its own: the Prometheus client takes an exemplar at most every 90 ms per series, and would
        // let the untraced delivery hold back the traced one's
        PrometheusMeterRegistry untraced = MeterRegistries.prometheus();
        new SignedEventPoster(http, Clock.systemUTC(), FAST, untraced)
                .post(agent.recipient(SECRET), EVENT, () -> false);

        assertThat(agent.attempts())
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.traceparent())
                        .as("tracing off: no trace context is sent")
                        .isNull());
        assertThat(untraced.scrape(OPEN_METRICS))
                .contains(
                        "langop_trigger_delivery_duration_seconds_count{outcome=\"delivered\",trigger_type=\"test\"} 1")
                .doesNotContain("trace_id");

        String traceId;
        try (OtlpReceiver collector = new OtlpReceiver()) {
            try (Telemetry tracing = tracingTo(collector)) {
                poster.post(agent.recipient(SECRET), EVENT, () -> false);
            }
            traceId = single(collector.spans(), "deliver stand-in/test").traceId();
        }
        assertThat(meters.scrape(OPEN_METRICS))
                .containsPattern("langop_trigger_delivery_duration_seconds_bucket\\{outcome=\"delivered\","
                        + "trigger_type=\"test\",le=\"[0-9.]+\"} 1 # \\{span_id=\"[0-9a-f]{16}\",trace_id=\""
                        + traceId + "\"}");
    }

    @Test
    void theAgentsAnswerToARefusedEventIsLoggedCutShortAndWithoutTheSecretOrSignature() throws Exception {
        // an answer that echoes the secret and the request's signature, with a forged log line and 4 KB after them
        agent.refuseNext(
                400, "broken event; key " + SECRET + " sig {signature}\nERROR forged line " + "x".repeat(4096));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SignedEventPoster.class);
        logger.addAppender(log);
        List<ReceivedSpan> spans;
        try (OtlpReceiver collector = new OtlpReceiver()) {
            try (Telemetry tracing = tracingTo(collector)) {
                assertThat(poster.post(agent.recipient(SECRET), EVENT, () -> false))
                        .isEqualTo(SignedEventPoster.Outcome.FAILED);
            } finally {
                logger.detachAppender(log);
            }
            spans = collector.spans();
        }

        String signature = agent.signatures().getFirst();
        assertThat(log.list).singleElement().satisfies(line -> {
            String text = line.getFormattedMessage();
            assertThat(text)
                    .contains("broken event; key [redacted] sig sha256=[redacted]")
                    .contains("…(cut, ")
                    .doesNotContain(SECRET)
                    .doesNotContain(signature.substring("sha256=".length()))
                    .doesNotContain("\n");
            assertThat(text.length()).isLessThan(500);
        });
        ReceivedSpan delivery = single(spans, "deliver stand-in/test");
        assertThat(delivery.failed()).isTrue();
        assertThat(delivery.attributes())
                .containsEntry("error.type", "400")
                .containsEntry("http.response.status_code", "400")
                .containsEntry("langop.trigger.attempts", "1");
    }

    /** Tracing as a process with an OTLP endpoint starts it; closing it exports every span to {@code collector}. */
    private static Telemetry tracingTo(OtlpReceiver collector) {
        return Telemetry.start("poster-test", Map.of(TelemetryEnv.OTLP_ENDPOINT, collector.endpoint()));
    }

    private static ReceivedSpan single(List<ReceivedSpan> spans, String name) {
        List<ReceivedSpan> named =
                spans.stream().filter(span -> span.name().equals(name)).toList();
        assertThat(named).as("spans named '%s' among %s", name, spans).hasSize(1);
        return named.getFirst();
    }

    /** An attempt as the stand-in saw it: the status it answered and when, and the trace context it came with. */
    record Attempt(int status, String body, String contentType, long nanos, String traceparent) {}

    private record Recipient(URI endpoint, String key, Runnable asked) implements WebhookRecipient {

        @Override
        public String triggerType() {
            return "test";
        }

        @Override
        public String agent() {
            return "stand-in";
        }

        @Override
        public String secret(BooleanSupplier stopping) {
            asked.run();
            return key;
        }

        @Override
        public String toString() {
            return "agent test/stand-in";
        }
    }

    /** An agent's webhook on loopback that verifies langop's hmac with {@link #SECRET} as the agent does. */
    private static final class WebhookStandIn implements AutoCloseable {

        private final HttpServer server;
        private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
        private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        private final List<String> signatures = new CopyOnWriteArrayList<>();
        private final Queue<String> answers = new ConcurrentLinkedQueue<>();

        WebhookStandIn() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(AgentTriggers.PATH, this::answer);
            server.start();
        }

        WebhookRecipient recipient(String secret) {
            return recipient(secret, () -> {});
        }

        WebhookRecipient recipient(String secret, Runnable asked) {
            return new Recipient(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/test"), secret, asked);
        }

        void answerNext(Integer... statuses) {
            script.addAll(List.of(statuses));
        }

        /** Answers the next attempt {@code status} with {@code answer}, its signature in place of {@code {signature}}. */
        void refuseNext(int status, String answer) {
            script.add(status);
            answers.add(answer);
        }

        List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        List<String> signatures() {
            return List.copyOf(signatures);
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                long nanos = System.nanoTime();
                byte[] body = exchange.getRequestBody().readAllBytes();
                String signature = exchange.getRequestHeaders().getFirst(AgentTriggers.SIGNATURE_HEADER);
                signatures.add(signature);
                boolean signed = new HmacSha256(SECRET)
                        .verifiesTimestamped(
                                signature, exchange.getRequestHeaders().getFirst(AgentTriggers.TIMESTAMP_HEADER), body);
                Integer scripted = signed ? script.poll() : null;
                int status = !signed ? 401 : scripted == null ? 202 : scripted;
                attempts.add(new Attempt(
                        status,
                        new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        nanos,
                        exchange.getRequestHeaders().getFirst("traceparent")));
                if (status == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                String answer = status == 400 || status == 413 ? answers.poll() : null;
                if (answer == null) {
                    exchange.sendResponseHeaders(status, -1);
                } else {
                    byte[] text = answer.replace("{signature}", signature).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, text.length);
                    exchange.getResponseBody().write(text);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
