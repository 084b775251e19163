package io.langop.sdk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentTriggers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The webhooks an event-driven agent serves and how many accepted events it holds: {@code AGENT_TRIGGERS} (the
 * operator's, from {@code spec.eventTriggers}) with each trigger's secret from the variable it names; without it one
 * {@code /webhook}, signed with {@code AGENT_WEBHOOK_SECRET} when that is set ({@code langop run}).
 *
 * @param webhooks the endpoints, each at its own path
 * @param secrets the triggers' secrets by the name of the variable holding them (never logged)
 * @param queueCapacity accepted events not yet run, beyond which a delivery is answered 429
 */
public record TriggerConfig(List<AgentTriggers.Webhook> webhooks, Map<String, String> secrets, int queueCapacity) {

    public static final int DEFAULT_QUEUE_CAPACITY = 100;

    private static final ObjectReader READER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readerFor(AgentTriggers.class);

    public TriggerConfig {
        webhooks = List.copyOf(webhooks);
        secrets = Map.copyOf(secrets);
    }

    static TriggerConfig from(Map<String, String> env) {
        List<AgentTriggers.Webhook> webhooks = Optional.ofNullable(env.get(AgentEnv.AGENT_TRIGGERS))
                .filter(json -> !json.isBlank())
                .map(TriggerConfig::parse)
                .map(AgentTriggers::webhooks)
                .orElseGet(() -> List.of(new AgentTriggers.Webhook(
                        "",
                        present(env, AgentEnv.AGENT_WEBHOOK_SECRET) ? AgentTriggers.HMAC : AgentTriggers.NONE,
                        AgentEnv.AGENT_WEBHOOK_SECRET,
                        null,
                        null,
                        null)));
        Map<String, String> secrets = new HashMap<>();
        for (AgentTriggers.Webhook webhook : webhooks) {
            if (webhook.secretEnv() != null && present(env, webhook.secretEnv())) {
                secrets.put(webhook.secretEnv(), env.get(webhook.secretEnv()));
            }
        }
        int capacity = Optional.ofNullable(env.get(AgentEnv.AGENT_EVENT_QUEUE))
                .map(text -> {
                    try {
                        return Integer.parseInt(text.strip());
                    } catch (NumberFormatException notNumber) {
                        return 0;
                    }
                })
                .orElse(DEFAULT_QUEUE_CAPACITY);
        if (capacity < 1) {
            throw new IllegalArgumentException(AgentEnv.AGENT_EVENT_QUEUE + " must be a positive number of events");
        }
        return new TriggerConfig(webhooks, secrets, capacity);
    }

    /** The secret of a trigger, from the variable it names. */
    public Optional<String> secret(AgentTriggers.Webhook webhook) {
        return Optional.ofNullable(webhook.secretEnv()).map(secrets::get);
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    private static AgentTriggers parse(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException(
                    AgentEnv.AGENT_TRIGGERS + " is not a JSON object of triggers: " + invalid.getOriginalMessage());
        }
    }

    /** The paths and their authentication; the secrets as {@code ***}. */
    @Override
    public String toString() {
        return webhooks.stream()
                        .map(webhook -> webhook.path() + " (" + webhook.authentication() + ")")
                        .collect(Collectors.joining(", ", "[", "]"))
                + " queue " + queueCapacity;
    }
}
