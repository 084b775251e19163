package io.langop.operator.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an agent's {@link PendingEvents}, one at a time and oldest first, to the trigger's endpoint as a structured
 * CloudEvent signed with the trigger's secret (langop's {@code hmac}, a fresh timestamp per attempt). An event is
 * delivered when the agent answers 2xx (accepted, held back by the condition, or seen before); a 429 is waited out for
 * its {@code Retry-After}; no answer, a 5xx, a 401 or a 404 (the agent's pods do not serve the trigger yet) are tried
 * again after a growing pause. A 400 or 413 will never succeed: the event is dropped with an error in the log. Nothing
 * is dropped when the operator stops: what was not delivered is not noted in the {@link DeliveredState}, so the next
 * operator delivers it.
 */
final class EventDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

    /** Where and with which secret each trigger's events go. */
    record Endpoint(URI url, String secret) {}

    /** The pauses between attempts: {@code first}, doubled after each failure, at most {@code longest}. */
    record Backoff(Duration first, Duration longest) {
        static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

        Duration after(int failures) {
            long millis = first.toMillis() << Math.min(failures, 20);
            return Duration.ofMillis(Math.min(millis, longest.toMillis()));
        }
    }

    private final String namespace;
    private final String agent;
    private final Map<String, Endpoint> endpoints;
    private final PendingEvents pending;
    private final DeliveredState state;
    private final HttpClient http;
    private final Clock clock;
    private final Backoff backoff;
    private final Thread worker;

    EventDelivery(
            String namespace,
            String agent,
            Map<String, Endpoint> endpoints,
            PendingEvents pending,
            DeliveredState state,
            HttpClient http,
            Clock clock,
            Backoff backoff) {
        this.namespace = namespace;
        this.agent = agent;
        this.endpoints = Map.copyOf(endpoints);
        this.pending = pending;
        this.state = state;
        this.http = http;
        this.clock = clock;
        this.backoff = backoff;
        this.worker =
                Thread.ofVirtual().name("deliver-" + namespace + "-" + agent).unstarted(this::work);
    }

    void start() {
        worker.start();
    }

    private void work() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                deliver(pending.take());
            }
        } catch (InterruptedException closed) {
            // the operator stops or the agent's triggers changed: what is left is delivered by the next watch
        }
    }

    /** Tries until the agent took the event or refused it for good. */
    private void deliver(Forwarded event) throws InterruptedException {
        Endpoint endpoint = endpoints.get(event.trigger());
        if (endpoint == null) {
            return;
        }
        byte[] body = body(event);
        for (int failures = 0; ; failures++) {
            Duration pause;
            try {
                HttpResponse<String> answer = http.send(request(endpoint, body), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    LOG.info(
                            "Delivered {} {} to agent {}/{} at {}: {}",
                            event.type(),
                            event.id(),
                            namespace,
                            agent,
                            event.trigger(),
                            status);
                    event.delivered(state);
                    state.save();
                    return;
                }
                if (status == 400 || status == 413) {
                    LOG.error(
                            "Agent {}/{} refused {} {} for good ({}): {}",
                            namespace,
                            agent,
                            event.type(),
                            event.id(),
                            status,
                            answer.body());
                    return;
                }
                pause = status == 429 ? retryAfter(answer).orElse(backoff.after(failures)) : backoff.after(failures);
                LOG.info(
                        "Agent {}/{} answered {} to {} {}: again in {}",
                        namespace,
                        agent,
                        status,
                        event.type(),
                        event.id(),
                        pause);
            } catch (IOException unreachable) {
                pause = backoff.after(failures);
                LOG.info(
                        "Agent {}/{} not reached for {} {} ({}): again in {}",
                        namespace,
                        agent,
                        event.type(),
                        event.id(),
                        unreachable.toString(),
                        pause);
            }
            Thread.sleep(pause);
        }
    }

    private HttpRequest request(Endpoint endpoint, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return HttpRequest.newBuilder(endpoint.url())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", CLOUDEVENTS_JSON)
                .header(AgentTriggers.TIMESTAMP_HEADER, timestamp)
                .header(
                        AgentTriggers.SIGNATURE_HEADER,
                        new HmacSha256(endpoint.secret()).signTimestamped(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** The structured CloudEvent; its data cut down to the objects' metadata when the whole would be too large. */
    private byte[] body(Forwarded event) {
        byte[] whole = cloudEvent(event, true);
        return whole.length <= AgentTriggers.MAX_BODY_BYTES ? whole : cloudEvent(event, false);
    }

    private byte[] cloudEvent(Forwarded event, boolean complete) {
        ObjectNode cloudEvent = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", event.id())
                .put("source", event.source(namespace, agent))
                .put("type", event.type())
                .put("subject", event.subject())
                .put("time", event.time().toString())
                .put("datacontenttype", "application/json");
        cloudEvent.set("data", event.data(complete));
        return cloudEvent.toString().getBytes(StandardCharsets.UTF_8);
    }

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

    @Override
    public void close() {
        worker.interrupt();
    }
}
