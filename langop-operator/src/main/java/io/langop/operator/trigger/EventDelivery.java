package io.langop.operator.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.kit.trigger.OutgoingEvent;
import io.langop.kit.trigger.SignedEventPoster;
import io.langop.kit.trigger.WebhookRecipient;
import io.langop.wire.AgentTriggers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Delivers an agent's {@link PendingEvents}, one at a time and oldest first, through the {@link SignedEventPoster}
 * (signed structured CloudEvents; 2xx delivered, 429 after its {@code Retry-After}, 400/413 dropped with an error in
 * the log, anything else tried again after a growing pause) and notes each delivered one in the {@link DeliveredState}.
 * Nothing is dropped when the operator stops: what was not delivered is not noted, so the next operator delivers it.
 */
final class EventDelivery implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long {@link #close} waits for a delivery under way to be noted, so that the state's last write has it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    /** Where and with which secret a trigger's events go. */
    record Endpoint(String namespace, String agent, String trigger, String triggerType, URI endpoint, String secret)
            implements WebhookRecipient {

        @Override
        public String secret(BooleanSupplier stopping) {
            return secret;
        }

        /** The operator serves every namespace: its delivery spans say the agent's. */
        @Override
        public Optional<String> agentNamespace() {
            return Optional.of(namespace);
        }

        @Override
        public String toString() {
            return "agent " + namespace + "/" + agent + " at " + AgentTriggers.PATH + "/" + trigger;
        }
    }

    private final String namespace;
    private final String agent;
    private final Map<String, Endpoint> endpoints;
    private final PendingEvents pending;
    private final DeliveredState state;
    private final SignedEventPoster poster;
    private final Thread worker;

    /** @param endpoints by trigger name */
    EventDelivery(
            String namespace,
            String agent,
            Map<String, Endpoint> endpoints,
            PendingEvents pending,
            DeliveredState state,
            SignedEventPoster poster) {
        this.namespace = namespace;
        this.agent = agent;
        this.endpoints = Map.copyOf(endpoints);
        this.pending = pending;
        this.state = state;
        this.poster = poster;
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

    private void deliver(Forwarded event) throws InterruptedException {
        Endpoint endpoint = endpoints.get(event.trigger());
        if (endpoint == null) {
            return;
        }
        SignedEventPoster.Outcome outcome =
                poster.post(endpoint, new OutgoingEvent(event.id(), event.type(), body(event)), worker::isInterrupted);
        if (outcome == SignedEventPoster.Outcome.DELIVERED) {
            event.delivered(state);
            state.saveSoon();
        }
    }

    /** The structured CloudEvent; its data cut down to the objects' metadata when the whole would be too large. */
    private String body(Forwarded event) {
        String whole = cloudEvent(event, true);
        return whole.getBytes(StandardCharsets.UTF_8).length <= AgentTriggers.MAX_BODY_BYTES
                ? whole
                : cloudEvent(event, false);
    }

    private String cloudEvent(Forwarded event, boolean complete) {
        ObjectNode cloudEvent = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", event.id())
                .put("source", event.source(namespace, agent))
                .put("type", event.type())
                .put("subject", event.subject())
                .put("time", event.time().toString())
                .put("datacontenttype", "application/json");
        cloudEvent.set("data", event.data(complete));
        return cloudEvent.toString();
    }

    /** Stops delivering; a delivery under way is cut off (and delivered again by the next operator). */
    @Override
    public void close() {
        worker.interrupt();
        try {
            worker.join(STOP_WAIT);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
