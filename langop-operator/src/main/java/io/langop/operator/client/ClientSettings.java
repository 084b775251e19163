package io.langop.operator.client;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.AgentReference;
import io.langop.api.v1alpha1.client.AuthProvider;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.agent.AgentEnvironment;
import io.langop.operator.agent.AgentHttp;
import io.langop.operator.kube.KubeJson;
import io.langop.operator.model.ModelEndpoint;
import io.langop.operator.tool.ToolEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code client.json}, the settings of a client in one file: what it offers (models, tools, agents
 * with their URLs, persona) and how it behaves (sessions, authentication, limits, moderation, UI,
 * CORS, monitoring, logging). Credentials are not in it: where one is needed it names the
 * environment variable that carries it ({@code secretEnv}), see {@link ClientSecrets}.
 */
final class ClientSettings {

    static final String FILE = "client.json";

    private ClientSettings() {}

    static String render(ClientPlan plan) {
        LanguageClientSpec spec = plan.client().getSpec();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", plan.client().getMetadata().getName());
        settings.put("namespace", plan.client().getMetadata().getNamespace());
        settings.put("type", typeName(spec));
        settings.put("port", ClientObjects.port(plan.client()));
        settings.put("allowModelSelection", !Boolean.FALSE.equals(spec.getAllowModelSelection()));
        settings.put("allowPersonaSelection", Boolean.TRUE.equals(spec.getAllowPersonaSelection()));
        settings.put("models", plan.models().stream().map(ClientSettings::model).toList());
        settings.put("tools", plan.tools().stream().map(ClientSettings::tool).toList());
        settings.put(
                "agents",
                plan.agents().stream().map(agent -> agent(agent, spec)).toList());
        if (plan.persona() != null) {
            Map<String, Object> persona = new LinkedHashMap<>();
            persona.put("name", plan.persona().getMetadata().getName());
            persona.put(
                    "systemPrompt", AgentEnvironment.systemPrompt(plan.persona().getSpec()));
            settings.put("persona", persona);
        }
        putSection(settings, "session", session(spec));
        putSection(settings, "authentication", authentication(spec));
        putSection(settings, "rateLimiting", spec.getRateLimiting());
        putSection(settings, "contentModeration", spec.getContentModeration());
        putSection(settings, "ui", spec.getUiConfig());
        putSection(settings, "cors", spec.getCors());
        putSection(settings, "monitoring", spec.getMonitoring());
        putSection(settings, "logging", spec.getLogging());
        return Serialization.asJson(settings);
    }

    /** {@code spec.type} as written in the CRD ({@code web} when unset). */
    static String typeName(LanguageClientSpec spec) {
        return spec.getType() == null ? "web" : KubeJson.mapper().convertValue(spec.getType(), String.class);
    }

    private static Map<String, Object> model(LanguageModel model) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", model.getMetadata().getName());
        entry.put("endpoint", ModelEndpoint.url(model));
        return entry;
    }

    private static Map<String, Object> tool(LanguageTool tool) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", tool.getMetadata().getName());
        entry.put("url", ToolEndpoint.url(tool));
        return entry;
    }

    private static Map<String, Object> agent(LanguageAgent agent, LanguageClientSpec spec) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", agent.getMetadata().getName());
        entry.put("url", AgentHttp.url(agent));
        entry.put("mode", AgentHttp.interactive(agent) ? "chat" : "webhook");
        Objects.requireNonNullElse(spec.getAgentRefs(), List.<AgentReference>of()).stream()
                .filter(ref -> ref.getName().equals(agent.getMetadata().getName()))
                .findFirst()
                .ifPresent(ref -> {
                    putIfSet(entry, "displayName", ref.getDisplayName());
                    putIfSet(entry, "description", ref.getDescription());
                    putIfSet(entry, "icon", ref.getIcon());
                });
        return entry;
    }

    private static Map<String, Object> session(LanguageClientSpec spec) {
        if (spec.getSessionConfig() == null) {
            return null;
        }
        Map<String, Object> session = asMap(spec.getSessionConfig());
        if (session.get("backendConfig") instanceof Map<?, ?> backend && backend.containsKey("secretRef")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) backend);
            copy.remove("secretRef");
            copy.put("secretEnv", ClientSecrets.SESSION_BACKEND);
            session.put("backendConfig", copy);
        }
        return session;
    }

    private static Map<String, Object> authentication(LanguageClientSpec spec) {
        if (spec.getAuthentication() == null) {
            return null;
        }
        Map<String, Object> auth = asMap(spec.getAuthentication());
        List<Map<String, Object>> providers = new ArrayList<>();
        for (AuthProvider provider : ClientSecrets.providers(spec)) {
            Map<String, Object> entry = asMap(provider);
            if (entry.remove("secretRef") != null) {
                entry.put("secretEnv", ClientSecrets.providerVariable(provider));
            }
            providers.add(entry);
        }
        if (!providers.isEmpty()) {
            auth.put("providers", providers);
        }
        return auth;
    }

    private static void putSection(Map<String, Object> settings, String key, Object section) {
        if (section != null) {
            settings.put(key, section instanceof Map<?, ?> ? section : asMap(section));
        }
    }

    private static void putIfSet(Map<String, Object> entry, String key, String value) {
        if (value != null && !value.isBlank()) {
            entry.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return new LinkedHashMap<>(KubeJson.mapper().convertValue(value, Map.class));
    }
}
