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
import io.langop.wire.AgentTriggers;
import io.langop.wire.HmacSha256;
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

    /** An attempt as the stand-in saw it: the status it answered and when. */
    record Attempt(int status, String body, String contentType, long nanos) {}

    private record Recipient(URI endpoint, String key, Runnable asked) implements WebhookRecipient {

        @Override
        public String triggerType() {
            return "test";
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

        List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                long nanos = System.nanoTime();
                byte[] body = exchange.getRequestBody().readAllBytes();
                boolean signed = new HmacSha256(SECRET)
                        .verifiesTimestamped(
                                exchange.getRequestHeaders().getFirst(AgentTriggers.SIGNATURE_HEADER),
                                exchange.getRequestHeaders().getFirst(AgentTriggers.TIMESTAMP_HEADER),
                                body);
                Integer scripted = signed ? script.poll() : null;
                int status = !signed ? 401 : scripted == null ? 202 : scripted;
                attempts.add(new Attempt(
                        status,
                        new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        nanos));
                if (status == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                exchange.sendResponseHeaders(status, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
