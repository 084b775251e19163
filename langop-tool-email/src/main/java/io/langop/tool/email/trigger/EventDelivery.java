package io.langop.tool.email.trigger;

import io.langop.kit.trigger.OutgoingEvent;
import io.langop.kit.trigger.SignedEventPoster;
import io.langop.kit.trigger.WebhookRecipient;
import io.langop.sdk.retry.Backoff;
import io.langop.wire.MailTriggers;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a {@link MailEvent} to an agent's webhook through the {@link SignedEventPoster} until the agent has it: at
 * least once, since the agent runs an event id once. {@code 429} waits its {@code Retry-After}; an agent that cannot be
 * reached, is not ready (404), refuses the signature (401: a secret replaced by now) or fails (5xx), and a secret whose
 * file is not there yet, are tried again with a growing pause; only an event the agent calls broken (400, 413) is given
 * up. Logs name the event and the agent, never the message's content or the secret.
 */
final class EventDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    /** 1 s doubling to 1 min between attempts, for as long as it takes. */
    static final Backoff RETRY = new Backoff(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofMinutes(1));

    private static final Duration SECRET_POLL = Duration.ofSeconds(1);

    private final SignedEventPoster poster;

    /** @param meters the tool's {@code /metrics} registry, where deliveries are counted and timed */
    EventDelivery(Clock clock, Backoff retry, MeterRegistry meters) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.poster = new SignedEventPoster(http, clock, retry, meters);
    }

    /**
     * Sends until the agent has the event or refuses it as broken.
     *
     * @param stopping true once the tool stops: no attempt is made after that
     * @throws InterruptedException when the tool stops meanwhile: the event may not have been delivered
     */
    SignedEventPoster.Outcome deliver(Subscriber subscriber, MailEvent event, BooleanSupplier stopping)
            throws InterruptedException {
        return poster.post(
                new MailRecipient(subscriber),
                new OutgoingEvent(event.id(), MailTriggers.EVENT_TYPE, event.json()),
                stopping);
    }

    /** A subscriber's webhook, signed with the secret of its file. */
    private record MailRecipient(Subscriber subscriber) implements WebhookRecipient {

        @Override
        public URI endpoint() {
            return URI.create(subscriber.subscription().endpoint());
        }

        @Override
        public String triggerType() {
            return MailTriggers.TRIGGER_TYPE;
        }

        /** The agent's name, of {@link MailTriggers.Subscription#agent}'s {@code <namespace>/<name>}. */
        @Override
        public String agent() {
            String agent = subscriber.agent();
            return agent.substring(agent.indexOf('/') + 1);
        }

        @Override
        public Optional<String> agentNamespace() {
            String agent = subscriber.agent();
            int slash = agent.indexOf('/');
            return slash < 0 ? Optional.empty() : Optional.of(agent.substring(0, slash));
        }

        /**
         * The trigger's secret, once its file is there: looked for every second (a local file; the kubelet writes it
         * soon after the agent's Secret is made), with a warning at first and every minute.
         */
        @Override
        public String secret(BooleanSupplier stopping) throws InterruptedException {
            for (int waited = 0; ; waited++) {
                Optional<String> secret = subscriber.secret();
                if (secret.isPresent()) {
                    return secret.get();
                }
                if (stopping.getAsBoolean()) {
                    throw new InterruptedException("stopping before the secret of " + subscriber + " was there");
                }
                if (waited % 60 == 0) {
                    LOG.warn("Mail trigger of {} waits for its secret in {}", subscriber, subscriber.secretFile());
                }
                Thread.sleep(SECRET_POLL);
            }
        }

        @Override
        public String toString() {
            return "agent " + subscriber;
        }
    }
}
