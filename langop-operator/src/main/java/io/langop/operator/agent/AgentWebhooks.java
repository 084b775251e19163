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
import io.langop.wire.ObjectNames;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An event-driven agent's triggers ({@code spec.eventTriggers}) as the agent runtime serves them: the JSON of
 * {@link AgentEnv#AGENT_TRIGGERS}, and each authenticated trigger's secret passed from Secret {@code <agent>-webhooks}
 * ({@link AgentWebhookSecrets}) as {@code AGENT_WEBHOOK_SECRET_<index>}: the kubelet reads it, the operator's logs,
 * events and status never carry it. A trigger the operator forwards ({@code kubernetes-event}, {@code schedule}) is a
 * webhook too, which the operator signs with {@code hmac} ({@link io.langop.operator.trigger.TriggerForwarding}); so is
 * a {@code mail} trigger, which the email tool reading the mailbox signs ({@link AgentMailTriggers}).
 */
public final class AgentWebhooks {

    private static final ObjectWriter JSON = JsonMapper.builder()
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
            .build()
            .writerFor(AgentTriggers.class);

    private AgentWebhooks() {}

    /**
     * A trigger the agent serves at {@code /webhook/<name>}.
     *
     * @param name its path segment and the name of its secret ({@link DeclaredTrigger#name(int)})
     */
    public record Served(String name, EventTrigger trigger) {

        /** The operator forwards what it watches or schedules to this trigger's endpoint. */
        public boolean forwarded() {
            return trigger.getType() == EventTriggerType.KUBERNETES_EVENT
                    || trigger.getType() == EventTriggerType.SCHEDULE;
        }

        /** The key of its secret in Secret {@code <agent>-webhooks}. */
        public String secretKey() {
            return AgentTriggers.secretKey(name);
        }

        boolean authenticated() {
            return authentication() != WebhookAuthentication.NONE;
        }

        /** What the operator or an email tool forwards is always signed with {@code hmac}. */
        WebhookAuthentication authentication() {
            return trigger.getType() == EventTriggerType.WEBHOOK
                    ? Objects.requireNonNullElse(trigger.getAuthentication(), WebhookAuthentication.HMAC)
                    : WebhookAuthentication.HMAC;
        }
    }

    /** The agent's triggers the runtime serves, in spec order; none unless it is event-driven. */
    public static List<Served> of(LanguageAgent agent) {
        if (agent.getSpec().getExecutionMode() != ExecutionMode.EVENT_DRIVEN) {
            return List.of();
        }
        List<EventTrigger> triggers = triggers(agent);
        List<Served> served = new ArrayList<>();
        for (int i = 0; i < triggers.size(); i++) {
            EventTrigger trigger = triggers.get(i);
            if (SERVED.contains(trigger.getType())) {
                served.add(new Served(declared(trigger).name(i), trigger));
            }
        }
        return served;
    }

    /** The name of Secret {@code <agent>-webhooks}. */
    public static String secretName(LanguageAgent agent) {
        return ObjectNames.of(agent.getMetadata().getName(), ObjectNames.WEBHOOKS_ROLE);
    }

    /** The secret keys the agent's triggers need, in spec order. */
    static List<String> secretKeys(LanguageAgent agent) {
        return of(agent).stream()
                .filter(Served::authenticated)
                .map(Served::secretKey)
                .toList();
    }

    /**
     * What the API server's schema cannot check: two triggers at one path, filters, conditions and mappings that do
     * not compile (named by the trigger's index in {@code spec.eventTriggers}), and what the schema refuses in a
     * forwarded trigger, since the in-process API server of the tests and {@code langop local} checks no schema rule.
     */
    static List<String> problems(LanguageAgent agent) {
        List<String> problems = new ArrayList<>(DeclaredTrigger.problems(
                triggers(agent).stream().map(AgentWebhooks::declared).toList()));
        problems.addAll(ForwardedTriggerCheck.problems(triggers(agent)));
        problems.addAll(AgentMailTriggers.problems(agent));
        return problems;
    }

    /** {@link AgentEnv#AGENT_TRIGGERS} and the secrets' variables; nothing for an agent that is not event-driven. */
    static List<EnvVar> env(LanguageAgent agent) {
        List<Served> triggers = of(agent);
        if (triggers.isEmpty()) {
            return List.of();
        }
        List<EnvVar> env = new ArrayList<>();
        List<AgentTriggers.Webhook> webhooks = new ArrayList<>();
        for (int i = 0; i < triggers.size(); i++) {
            Served served = triggers.get(i);
            String secretEnv = served.authenticated() ? AgentEnv.AGENT_WEBHOOK_SECRET + "_" + i : null;
            webhooks.add(webhook(served, secretEnv));
            if (secretEnv != null) {
                env.add(new EnvVarBuilder()
                        .withName(secretEnv)
                        .withNewValueFrom()
                        .withNewSecretKeyRef(served.secretKey(), secretName(agent), false)
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

    private static final Set<EventTriggerType> SERVED = EnumSet.of(
            EventTriggerType.WEBHOOK,
            EventTriggerType.KUBERNETES_EVENT,
            EventTriggerType.SCHEDULE,
            EventTriggerType.MAIL);

    private static List<EventTrigger> triggers(LanguageAgent agent) {
        return Objects.requireNonNullElse(agent.getSpec().getEventTriggers(), List.of());
    }

    private static DeclaredTrigger declared(EventTrigger trigger) {
        return new DeclaredTrigger(
                wireName(trigger.getType()),
                trigger.getType() == EventTriggerType.MAIL && trigger.getMail() != null
                        ? DeclaredTrigger.mailSource(
                                trigger.getSource(), trigger.getMail().getTool())
                        : trigger.getSource(),
                trigger.getFilter(),
                trigger.getCondition(),
                trigger.getMapping());
    }

    private static AgentTriggers.Webhook webhook(Served served, String secretEnv) {
        EventTrigger trigger = served.trigger();
        return new AgentTriggers.Webhook(
                served.name(),
                wireName(served.authentication()),
                secretEnv,
                trigger.getFilter(),
                trigger.getCondition(),
                trigger.getMapping());
    }

    private static String wireName(Enum<?> value) {
        return value == null ? "unset" : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
