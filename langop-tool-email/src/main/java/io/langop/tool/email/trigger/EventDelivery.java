package io.langop.tool.email.trigger;

import io.langop.sdk.retry.Backoff;
import io.langop.wire.AgentTriggers;
import io.langop.wire.HmacSha256;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a {@link MailEvent} to an agent's webhook, signed as langop's {@link AgentTriggers#HMAC} webhooks verify, until
 * the agent has it: at least once, since the agent runs an event id once. {@code 429} waits its {@code Retry-After};
 * an agent that cannot be reached, is not ready (404), refuses the signature (401: a secret replaced by now) or fails
 * (5xx), and a secret whose file is not there yet, are tried again with a growing pause; only an event the agent calls broken (400, 413) is given up.
 * Logs name the event and the agent, never the message's content or the secret.
 */
final class EventDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    /** 1 s doubling to 1 min between attempts, for as long as it takes. */
    static final Backoff RETRY = new Backoff(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofMinutes(1));

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SECRET_POLL = Duration.ofSeconds(1);

    private final HttpClient http;
    private final Clock clock;
    private final Backoff retry;

    EventDelivery(Clock clock, Backoff retry) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.clock = clock;
        this.retry = retry;
    }

    /** What the agent made of an event. */
    enum Outcome {
        /** Kept to run, held back by the trigger's condition, or run before: the agent has it. */
        DELIVERED,
        /** Refused as broken: sending it again would be refused again. */
        REFUSED
    }

    /**
     * Sends until the agent has the event or refuses it as broken.
     *
     * @param stopping true once the tool stops: no attempt is made after that
     * @throws InterruptedException when the tool stops meanwhile: the event may not have been delivered
     */
    Outcome deliver(Subscriber subscriber, MailEvent event, BooleanSupplier stopping) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (stopping.getAsBoolean()) {
                throw new InterruptedException("stopping before mail event " + event.id() + " was delivered");
            }
            String secret = awaitSecret(subscriber, event, stopping);
            Duration pause;
            try {
                HttpResponse<Void> response =
                        http.send(request(subscriber, secret, event), HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    LOG.info("Mail event {} delivered to {} ({})", event.id(), subscriber.agent(), status);
                    return Outcome.DELIVERED;
                }
                if (status == 400 || status == 413) {
                    LOG.error("Mail event {} refused by {} with {}: not sent again", event.id(), subscriber, status);
                    return Outcome.REFUSED;
                }
                pause = status == 429
                        ? retryAfter(response).orElse(retry.delayAfter(attempt))
                        : retry.delayAfter(attempt);
                LOG.warn(
                        "Mail event {} answered {} by {}; again in {} ms",
                        event.id(),
                        status,
                        subscriber,
                        pause.toMillis());
            } catch (IOException unreachable) {
                pause = retry.delayAfter(attempt);
                LOG.warn(
                        "Mail event {} not delivered to {} ({}); again in {} ms",
                        event.id(),
                        subscriber,
                        unreachable.toString(),
                        pause.toMillis());
            }
            Thread.sleep(pause);
        }
    }

    /**
     * The trigger's secret, once its file is there: looked for every second (a local file; the kubelet writes it soon
     * after the agent's Secret is made), with a warning at first and every minute.
     */
    private static String awaitSecret(Subscriber subscriber, MailEvent event, BooleanSupplier stopping)
            throws InterruptedException {
        for (int waited = 0; ; waited++) {
            Optional<String> secret = subscriber.secret();
            if (secret.isPresent()) {
                return secret.get();
            }
            if (stopping.getAsBoolean()) {
                throw new InterruptedException("stopping before mail event " + event.id() + " was delivered");
            }
            if (waited % 60 == 0) {
                LOG.warn(
                        "Mail event {} waits for the secret of {} in {}",
                        event.id(),
                        subscriber,
                        subscriber.secretFile());
            }
            Thread.sleep(SECRET_POLL);
        }
    }

    private HttpRequest request(Subscriber subscriber, String secret, MailEvent event) {
        // signed at each attempt: the agent refuses a timestamp older than its replay window
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] body = event.json().getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(subscriber.subscription().endpoint()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/cloudevents+json")
                .header(AgentTriggers.TIMESTAMP_HEADER, timestamp)
                .header(AgentTriggers.SIGNATURE_HEADER, new HmacSha256(secret).signTimestamped(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return Optional.of(Duration.ofSeconds(Math.clamp(seconds, 1, LONGEST_RETRY_AFTER.toSeconds())));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        });
    }
}
