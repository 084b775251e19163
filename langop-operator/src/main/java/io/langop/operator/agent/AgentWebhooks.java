package io.langop.operator.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.WebhookAuthentication;
import io.langop.sdk.trigger.DeclaredTrigger;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentTriggers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An event-driven agent's webhook triggers ({@code spec.eventTriggers}) as the agent runtime serves them: the JSON of
 * {@link AgentEnv#AGENT_TRIGGERS}, and each authenticated trigger's secret passed from Secret {@code <agent>-webhooks}
 * ({@link AgentWebhookSecrets}) as {@code AGENT_WEBHOOK_SECRET_<index>}: the kubelet reads it, the operator's logs,
 * events and status never carry it.
 */
final class AgentWebhooks {

    private static final ObjectWriter JSON = JsonMapper.builder()
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
            .build()
            .writerFor(AgentTriggers.class);

    private AgentWebhooks() {}

    /** The agent's webhook triggers, in spec order; none unless it is event-driven. */
    static List<EventTrigger> of(LanguageAgent agent) {
        if (agent.getSpec().getExecutionMode() != ExecutionMode.EVENT_DRIVEN) {
            return List.of();
        }
        return Objects.requireNonNullElse(agent.getSpec().getEventTriggers(), List.<EventTrigger>of()).stream()
                .filter(trigger -> trigger.getType() == EventTriggerType.WEBHOOK)
                .toList();
    }

    /** The key of a trigger's secret in Secret {@code <agent>-webhooks}: {@code webhook} or {@code webhook-<name>}. */
    static String secretKey(EventTrigger trigger) {
        return trigger.getSource() == null || trigger.getSource().isEmpty()
                ? "webhook"
                : "webhook-" + trigger.getSource();
    }

    static boolean authenticated(EventTrigger trigger) {
        return authentication(trigger) != WebhookAuthentication.NONE;
    }

    /** The secret keys the agent's triggers need, in spec order. */
    static List<String> secretKeys(LanguageAgent agent) {
        return of(agent).stream()
                .filter(AgentWebhooks::authenticated)
                .map(AgentWebhooks::secretKey)
                .toList();
    }

    /**
     * What the API server's schema cannot check: two triggers at one path, and filters, conditions and mappings that
     * do not compile (named by the trigger's index in {@code spec.eventTriggers}).
     */
    static List<String> problems(LanguageAgent agent) {
        return DeclaredTrigger.problems(
                Objects.requireNonNullElse(agent.getSpec().getEventTriggers(), List.<EventTrigger>of()).stream()
                        .map(trigger -> new DeclaredTrigger(
                                wireName(trigger.getType()),
                                trigger.getSource(),
                                trigger.getFilter(),
                                trigger.getCondition(),
                                trigger.getMapping()))
                        .toList());
    }

    /** {@link AgentEnv#AGENT_TRIGGERS} and the secrets' variables; nothing for an agent that is not event-driven. */
    static List<EnvVar> env(LanguageAgent agent) {
        List<EventTrigger> triggers = of(agent);
        if (triggers.isEmpty()) {
            return List.of();
        }
        List<EnvVar> env = new ArrayList<>();
        List<AgentTriggers.Webhook> webhooks = new ArrayList<>();
        for (int i = 0; i < triggers.size(); i++) {
            EventTrigger trigger = triggers.get(i);
            String secretEnv = authenticated(trigger) ? AgentEnv.AGENT_WEBHOOK_SECRET + "_" + i : null;
            webhooks.add(webhook(trigger, secretEnv));
            if (secretEnv != null) {
                env.add(new EnvVarBuilder()
                        .withName(secretEnv)
                        .withNewValueFrom()
                        .withNewSecretKeyRef(secretKey(trigger), AgentWebhookSecrets.name(agent), false)
                        .endValueFrom()
                        .build());
            }
        }
        try {
            env.addFirst(new EnvVarBuilder()
                    .withName(AgentEnv.AGENT_TRIGGERS)
                    .withValue(JSON.writeValueAsString(new AgentTriggers(webhooks)))
                    .build());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("triggers cannot be written as JSON", impossible);
        }
        return env;
    }

    private static AgentTriggers.Webhook webhook(EventTrigger trigger, String secretEnv) {
        return new AgentTriggers.Webhook(
                Optional.ofNullable(trigger.getSource()).orElse(""),
                wireName(authentication(trigger)),
                secretEnv,
                trigger.getFilter(),
                trigger.getCondition(),
                trigger.getMapping());
    }

    private static WebhookAuthentication authentication(EventTrigger trigger) {
        return Objects.requireNonNullElse(trigger.getAuthentication(), WebhookAuthentication.HMAC);
    }

    private static String wireName(Enum<?> value) {
        return value == null ? "unset" : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
