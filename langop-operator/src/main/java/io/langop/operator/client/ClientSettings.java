package io.langop.operator.client;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.api.clientconfig.ClientConfig;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.AgentReference;
import io.langop.api.v1alpha1.client.Authentication;
import io.langop.api.v1alpha1.client.BackendConfig;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.api.v1alpha1.client.SessionConfig;
import io.langop.operator.agent.AgentEnvironment;
import io.langop.operator.agent.AgentHttp;
import io.langop.operator.kube.KubeJson;
import io.langop.operator.model.ModelEndpoint;
import io.langop.operator.tool.ToolEndpoint;
import io.langop.wire.ClientWire;
import java.util.List;
import java.util.Objects;

/**
 * {@code client.json} ({@link ClientConfig}, the type the console reads it with), the settings of a client in one
 * file: what it offers (models, tools, agents with their URLs, persona) and how it behaves (sessions,
 * authentication, limits, moderation, UI, CORS, monitoring, logging). Credentials are not in it: where one is
 * needed it names the environment variable that carries it ({@code secretEnv}), see {@link ClientSecrets}.
 */
final class ClientSettings {

    static final String FILE = ClientWire.CONFIG_FILE;

    private ClientSettings() {}

    static String render(ClientPlan plan) {
        return Serialization.asJson(of(plan));
    }

    static ClientConfig of(ClientPlan plan) {
        LanguageClientSpec spec = plan.client().getSpec();
        ClientConfig.Persona persona = plan.persona() == null
                ? null
                : new ClientConfig.Persona(
                        plan.persona().getMetadata().getName(),
                        AgentEnvironment.systemPrompt(plan.persona().getSpec()));
        return new ClientConfig(
                plan.client().getMetadata().getName(),
                plan.client().getMetadata().getNamespace(),
                typeName(spec),
                ClientObjects.port(plan.client()),
                !Boolean.FALSE.equals(spec.getAllowModelSelection()),
                Boolean.TRUE.equals(spec.getAllowPersonaSelection()),
                plan.models().stream()
                        .map(model -> new ClientConfig.Model(model.getMetadata().getName(), ModelEndpoint.url(model)))
                        .toList(),
                plan.tools().stream()
                        .map(tool -> new ClientConfig.Tool(tool.getMetadata().getName(), ToolEndpoint.url(tool)))
                        .toList(),
                plan.agents().stream().map(agent -> agent(agent, spec)).toList(),
                persona,
                session(spec),
                authentication(spec),
                spec.getRateLimiting(),
                spec.getContentModeration(),
                spec.getUiConfig(),
                spec.getCors(),
                spec.getMonitoring(),
                spec.getLogging());
    }

    /** {@code spec.type} as written in the CRD ({@code web} when unset). */
    static String typeName(LanguageClientSpec spec) {
        return spec.getType() == null ? "web" : KubeJson.mapper().convertValue(spec.getType(), String.class);
    }

    private static ClientConfig.Agent agent(LanguageAgent agent, LanguageClientSpec spec) {
        String name = agent.getMetadata().getName();
        AgentReference ref = Objects.requireNonNullElse(spec.getAgentRefs(), List.<AgentReference>of()).stream()
                .filter(candidate -> candidate.getName().equals(name))
                .findFirst()
                .orElseGet(AgentReference::new);
        return new ClientConfig.Agent(
                name,
                AgentHttp.url(agent),
                AgentHttp.interactive(agent) ? ClientConfig.AgentMode.CHAT : ClientConfig.AgentMode.WEBHOOK,
                blankToNull(ref.getDisplayName()),
                blankToNull(ref.getDescription()),
                blankToNull(ref.getIcon()),
                ClientSecrets.approvalTokenVariable(agent).orElse(null));
    }

    private static ClientConfig.Session session(LanguageClientSpec spec) {
        SessionConfig session = spec.getSessionConfig();
        if (session == null) {
            return null;
        }
        BackendConfig backend = session.getBackendConfig();
        return new ClientConfig.Session(
                session.getBackend(),
                backend == null
                        ? null
                        : new ClientConfig.SessionStore(
                                backend.getEndpoint(),
                                backend.getSecretRef() == null ? null : ClientSecrets.SESSION_BACKEND,
                                backend.getDatabase(),
                                backend.getKeyPrefix()),
                session.getTtl(),
                session.getMaxMessagesPerSession(),
                session.getEnablePersistence(),
                session.getCookieConfig());
    }

    private static ClientConfig.Authentication authentication(LanguageClientSpec spec) {
        Authentication auth = spec.getAuthentication();
        if (auth == null) {
            return null;
        }
        List<ClientConfig.Provider> providers = ClientSecrets.providers(spec).stream()
                .map(provider -> new ClientConfig.Provider(
                        provider.getName(),
                        provider.getType(),
                        provider.getConfig(),
                        provider.getSecretRef() == null ? null : ClientSecrets.providerVariable(provider),
                        provider.getEnabled()))
                .toList();
        return new ClientConfig.Authentication(
                auth.getEnabled(),
                providers.isEmpty() ? null : providers,
                auth.getRequireAuthentication(),
                auth.getAllowAnonymous(),
                auth.getRbac());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
