package io.langop.kit.trigger;

import io.langop.sdk.retry.Backoff;
import io.langop.wire.AgentTriggers;
import io.langop.wire.HmacSha256;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an event to an agent's trigger until the agent has it: the one sender of forwarded triggers (the operator's
 * {@code kubernetes-event} and {@code schedule} triggers, the email tool's {@code mail} triggers). Each attempt is a
 * structured CloudEvent signed as langop's {@link AgentTriggers#HMAC} webhooks verify, with a fresh timestamp (the
 * agent refuses one older than its replay window). At least once: the agent runs an event id once.
 *
 * <ul>
 *   <li>2xx (accepted, held back by the trigger's condition, or delivered before): {@link Outcome#DELIVERED};
 *   <li>400, 413 (a broken or too large event: sending it again would be refused again): {@link Outcome#FAILED},
 *       logged as an error;
 *   <li>429: again after its {@code Retry-After} (seconds, 1 s to 5 min), or the backoff without one;
 *   <li>no answer, 5xx, 401 (a secret replaced meanwhile), 404 (pods that do not serve the trigger yet), any other
 *       status: again after the backoff, for as long as it takes.
 * </ul>
 *
 * Every post is counted and timed per trigger type ({@link DeliveryMeters}), and traced ({@link DeliveryTrace}): each
 * attempt carries the W3C trace context of its span, so the agent's run is part of the delivery's trace, and the
 * duration histogram's exemplar leads to it. Logs name the event by id and type and the recipient; never the event's
 * content, the secret or the signature. Of the agent's answer to a refused event, a log line has the first few hundred
 * bytes ({@link AnswerExcerpt}).
 */
public final class SignedEventPoster {

    private static final Logger LOG = LoggerFactory.getLogger(SignedEventPoster.class);
    private static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);
    /** The agent's answer: the beginning of a refusal, for the log; any other body is read and dropped. */
    private static final HttpResponse.BodyHandler<AnswerExcerpt> ANSWER =
            AnswerExcerpt.handler(SignedEventPoster::refused);

    /** What the agent made of an event. */
    public enum Outcome {
        /** Kept to run, held back by the trigger's condition, or run before: the agent has it. */
        DELIVERED,
        /** Refused as broken (400, 413): given up. */
        FAILED;

        /** The {@code outcome} tag of the delivery meters. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final HttpClient http;
    private final Clock clock;
    private final Backoff backoff;
    private final DeliveryMeters meters;

    /**
     * @param backoff the pause after the n-th failed attempt ({@link Backoff#delayAfter}); its attempt limit is not used
     * @param meters where deliveries are counted and timed (the process's {@code /metrics} registry)
     */
    public SignedEventPoster(HttpClient http, Clock clock, Backoff backoff, MeterRegistry meters) {
        this.http = http;
        this.clock = clock;
        this.backoff = backoff;
        this.meters = new DeliveryMeters(meters);
    }

    /**
     * Posts until the agent has the event or refuses it as broken.
     *
     * @param stopping true once the sender stops: no attempt is made after that
     * @throws InterruptedException when the sender stops (or the thread is interrupted) first: the event may not have
     *     been delivered
     */
    public Outcome post(WebhookRecipient recipient, OutgoingEvent event, BooleanSupplier stopping)
            throws InterruptedException {
        long started = System.nanoTime();
        try (DeliveryTrace trace = DeliveryTrace.start(recipient, event)) {
            return attempts(recipient, event, stopping, trace, started);
        }
    }

    private Outcome attempts(
            WebhookRecipient recipient,
            OutgoingEvent event,
            BooleanSupplier stopping,
            DeliveryTrace trace,
            long started)
            throws InterruptedException {
        byte[] body = event.json().getBytes(StandardCharsets.UTF_8);
        int made = 0;
        for (int attempt = 1; ; attempt++) {
            Duration pause;
            String retried;
            try {
                if (stopping.getAsBoolean()) {
                    throw new InterruptedException("stopped before " + event.id() + " was delivered");
                }
                String secret = recipient.secret(stopping);
                String timestamp = Long.toString(clock.instant().getEpochSecond());
                String signature = new HmacSha256(secret).signTimestamped(timestamp, body);
                made = attempt;
                HttpResponse<AnswerExcerpt> answer = send(recipient, timestamp, signature, body, trace, attempt);
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    LOG.info("Delivered {} {} to {}: {}", event.type(), event.id(), recipient, status);
                    trace.delivered(attempt, status);
                    meters.ended(recipient.triggerType(), Outcome.DELIVERED, System.nanoTime() - started);
                    return Outcome.DELIVERED;
                }
                if (refused(status)) {
                    LOG.error(
                            "{} refused {} {} for good ({}): {}",
                            recipient,
                            event.type(),
                            event.id(),
                            status,
                            // the signature's hex alone too: an agent may echo the value without its "sha256="
                            answer.body().text(secret, signature.substring(signature.indexOf('=') + 1)));
                    trace.refused(attempt, status);
                    meters.ended(recipient.triggerType(), Outcome.FAILED, System.nanoTime() - started);
                    return Outcome.FAILED;
                }
                pause = status == 429
                        ? retryAfter(answer).orElse(backoff.delayAfter(attempt))
                        : backoff.delayAfter(attempt);
                retried = DeliveryMeters.retryReason(status);
                LOG.info(
                        "{} answered {} to {} {}: again in {} ms",
                        recipient,
                        status,
                        event.type(),
                        event.id(),
                        pause.toMillis());
            } catch (IOException unreachable) {
                pause = backoff.delayAfter(attempt);
                retried = DeliveryMeters.UNREACHABLE;
                LOG.info(
                        "{} not reached for {} {} ({}): again in {} ms",
                        recipient,
                        event.type(),
                        event.id(),
                        unreachable.toString(),
                        pause.toMillis());
            } catch (InterruptedException stopped) {
                trace.stopped(made, stopped);
                throw stopped;
            }
            meters.retried(recipient.triggerType(), retried);
            try {
                Thread.sleep(pause);
            } catch (InterruptedException stopped) {
                trace.stopped(made, stopped);
                throw stopped;
            }
        }
    }

    /** One attempt, as a span of the delivery's trace whose context goes with the request. */
    private HttpResponse<AnswerExcerpt> send(
            WebhookRecipient recipient,
            String timestamp,
            String signature,
            byte[] body,
            DeliveryTrace trace,
            int attempt)
            throws IOException, InterruptedException {
        try (DeliveryTrace.Attempt traced = trace.attempt(attempt, recipient.endpoint())) {
            HttpRequest.Builder request = HttpRequest.newBuilder(recipient.endpoint())
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", CLOUDEVENTS_JSON)
                    .header(AgentTriggers.TIMESTAMP_HEADER, timestamp)
                    .header(AgentTriggers.SIGNATURE_HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<AnswerExcerpt> answer =
                        http.send(traced.propagate(request).build(), ANSWER);
                traced.answered(answer.statusCode());
                return answer;
            } catch (IOException | InterruptedException failure) {
                traced.failed(failure);
                throw failure;
            }
        }
    }

    /** A broken or too large event: sending it again would be refused again. */
    private static boolean refused(int status) {
        return status == 400 || status == 413;
    }

    /** A {@code Retry-After} in seconds (an HTTP date is not used: the backoff applies then). */
    private static Optional<Duration> retryAfter(HttpResponse<?> answer) {
        return answer.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return Optional.of(Duration.ofSeconds(Math.clamp(seconds, 1, LONGEST_RETRY_AFTER.toSeconds())));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        });
    }
}
