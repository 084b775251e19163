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
 * Every post is counted and timed per trigger type ({@link DeliveryMeters}). Logs name the event by id and type and
 * the recipient; never the event's content or the secret.
 */
public final class SignedEventPoster {

    private static final Logger LOG = LoggerFactory.getLogger(SignedEventPoster.class);
    private static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

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
        byte[] body = event.json().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            if (stopping.getAsBoolean()) {
                throw new InterruptedException("stopped before " + event.id() + " was delivered");
            }
            String secret = recipient.secret(stopping);
            Duration pause;
            String retried;
            try {
                HttpResponse<String> answer =
                        http.send(request(recipient, secret, body), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    LOG.info("Delivered {} {} to {}: {}", event.type(), event.id(), recipient, status);
                    meters.ended(recipient.triggerType(), Outcome.DELIVERED, System.nanoTime() - started);
                    return Outcome.DELIVERED;
                }
                if (status == 400 || status == 413) {
                    LOG.error(
                            "{} refused {} {} for good ({}): {}",
                            recipient,
                            event.type(),
                            event.id(),
                            status,
                            answer.body());
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
            }
            meters.retried(recipient.triggerType(), retried);
            Thread.sleep(pause);
        }
    }

    private HttpRequest request(WebhookRecipient recipient, String secret, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return HttpRequest.newBuilder(recipient.endpoint())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", CLOUDEVENTS_JSON)
                .header(AgentTriggers.TIMESTAMP_HEADER, timestamp)
                .header(AgentTriggers.SIGNATURE_HEADER, new HmacSha256(secret).signTimestamped(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
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
