package io.langop.console.chat;

import io.langop.api.clientconfig.ClientConfig;
import io.langop.wire.ClientWire;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets of client.json: every chat agent, then the models — all of them with {@code allowModelSelection},
 * else the first one only when no agent is offered (someone must answer). Webhook agents take no conversation and
 * are left out. An agent and a model of the same name: the agent is offered.
 */
public final class ChatTargets {

    private final Map<String, ChatTarget> byId = new LinkedHashMap<>();

    public ChatTargets(ClientConfig config) {
        for (ClientConfig.Agent agent : config.agents()) {
            if (agent.mode() == ClientConfig.AgentMode.CHAT) {
                byId.putIfAbsent(
                        agent.name(),
                        new ChatTarget(
                                agent.name(),
                                agent.displayName() == null ? agent.name() : agent.displayName(),
                                agent.description(),
                                ChatTarget.Kind.AGENT,
                                completions(agent.url() + "/v1"),
                                null));
            }
        }
        boolean allModels = !Boolean.FALSE.equals(config.allowModelSelection());
        List<ClientConfig.Model> models = allModels || byId.isEmpty() ? config.models() : List.of();
        String persona = config.persona() == null ? null : config.persona().systemPrompt();
        for (ClientConfig.Model model :
                allModels ? models : models.stream().limit(1).toList()) {
            byId.putIfAbsent(
                    model.name(),
                    new ChatTarget(
                            model.name(),
                            model.name(),
                            null,
                            ChatTarget.Kind.MODEL,
                            completions(model.endpoint()),
                            persona == null || persona.isBlank() ? null : persona));
        }
    }

    private static URI completions(String base) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(trimmed + ClientWire.CHAT_COMPLETIONS_PATH);
    }

    public List<ChatTarget> all() {
        return new ArrayList<>(byId.values());
    }

    public Optional<ChatTarget> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }
}
