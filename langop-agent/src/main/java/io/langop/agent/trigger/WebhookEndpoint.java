package io.langop.agent.trigger;

import io.langop.sdk.config.TriggerConfig;
import io.langop.sdk.trigger.IncomingEvent;
import io.langop.sdk.trigger.InvalidTriggerException;
import io.langop.sdk.trigger.TriggerRule;
import io.langop.sdk.workflow.StepResults;
import io.langop.wire.AgentTriggers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One webhook trigger: who may call it ({@link WebhookAuthentication}), what a request carries (a CloudEvent in either
 * mode, else its body as the payload) and whether it starts a run ({@link TriggerRule}).
 */
public final class WebhookEndpoint {

    /** Headers that carry credentials (GitLab's is the secret itself): no condition or mapping sees them. */
    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("x-gitlab-token", "authorization", "proxy-authorization", "cookie");

    private final AgentTriggers.Webhook trigger;
    private final WebhookAuthentication authentication;
    private final TriggerRule rule;

    private WebhookEndpoint(AgentTriggers.Webhook trigger, WebhookAuthentication authentication, TriggerRule rule) {
        this.trigger = trigger;
        this.authentication = authentication;
        this.rule = rule;
    }

    /**
     * The endpoints of the configured triggers, by path.
     *
     * @throws IllegalArgumentException when a trigger cannot be served (no secret, an expression that does not
     *     compile, two at one path): the operator refuses such specs, so it means a hand-made configuration
     */
    public static Map<String, WebhookEndpoint> of(TriggerConfig config, Clock clock) {
        Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
        for (AgentTriggers.Webhook trigger : config.webhooks()) {
            TriggerRule rule;
            try {
                rule = TriggerRule.of(trigger.filter(), trigger.condition(), trigger.mapping());
            } catch (InvalidTriggerException invalid) {
                throw new IllegalArgumentException("webhook " + trigger.path() + ": " + invalid.getMessage(), invalid);
            }
            WebhookEndpoint endpoint = new WebhookEndpoint(
                    trigger, WebhookAuthentication.of(trigger.authentication(), config.secret(trigger), clock), rule);
            if (endpoints.putIfAbsent(trigger.path(), endpoint) != null) {
                throw new IllegalArgumentException("two webhook triggers at " + trigger.path());
            }
        }
        return endpoints;
    }

    /** What became of one request. */
    public sealed interface Reception {
        /** Not from the secret's holder: 401, and nothing of the request is kept. */
        record Unauthorized(String reason) implements Reception {}

        /** A CloudEvent that breaks the specification: 400. */
        record Malformed(String reason) implements Reception {}

        /** Authentic, but the trigger's rule holds it back: answered 200, no run. */
        record Ignored(Optional<String> deliveryId, String reason) implements Reception {}

        /**
         * Starts a run that sees {@code event}.
         *
         * @param deliveryId the sender's id of the delivery, by which a repeated delivery is recognized
         */
        record Accepted(Optional<String> deliveryId, String source, com.fasterxml.jackson.databind.JsonNode event)
                implements Reception {}
    }

    /**
     * @param headers the request's headers, names in lower case
     */
    public Reception receive(Map<String, String> headers, byte[] body) {
        Optional<String> refusal = authentication.refusal(headers, body);
        if (refusal.isPresent()) {
            return new Reception.Unauthorized(refusal.get());
        }
        Optional<CloudEvents.CloudEvent> cloudEvent;
        try {
            cloudEvent = CloudEvents.read(headers, body);
        } catch (MalformedEventException malformed) {
            return new Reception.Malformed(malformed.getMessage());
        }
        Optional<String> deliveryId =
                cloudEvent.map(CloudEvents.CloudEvent::deliveryId).or(() -> authentication.deliveryId(headers));
        Map<String, String> visible = new HashMap<>(headers);
        visible.keySet().removeAll(CREDENTIAL_HEADERS);
        IncomingEvent incoming = new IncomingEvent(
                cloudEvent
                        .map(CloudEvents.CloudEvent::data)
                        .orElseGet(() -> StepResults.parseOrText(new String(body, StandardCharsets.UTF_8))),
                visible,
                cloudEvent.map(CloudEvents.CloudEvent::attributes).orElse(Map.of()));
        return switch (rule.decide(incoming)) {
            case TriggerRule.Decision.Skip skip -> new Reception.Ignored(deliveryId, skip.reason());
            case TriggerRule.Decision.Start start -> new Reception.Accepted(deliveryId, source(), start.event());
        };
    }

    /** The run's {@code Event.source()}: {@code webhook}, or {@code webhook/<name>}. */
    public String source() {
        return trigger.path().substring(1);
    }

    public String path() {
        return trigger.path();
    }

    @Override
    public String toString() {
        return trigger.path() + " (" + trigger.authentication() + ")";
    }
}
