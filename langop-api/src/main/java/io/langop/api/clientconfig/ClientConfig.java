package io.langop.api.clientconfig;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.langop.api.v1alpha1.client.AuthProviderType;
import io.langop.api.v1alpha1.client.ClientLogging;
import io.langop.api.v1alpha1.client.ClientRateLimits;
import io.langop.api.v1alpha1.client.ClientRbac;
import io.langop.api.v1alpha1.client.ContentModeration;
import io.langop.api.v1alpha1.client.CookieConfig;
import io.langop.api.v1alpha1.client.Cors;
import io.langop.api.v1alpha1.client.Monitoring;
import io.langop.api.v1alpha1.client.SessionBackend;
import io.langop.api.v1alpha1.client.UiConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code client.json}, the settings file the operator writes for a LanguageClient's container
 * (io.langop.wire.ClientWire) and the console reads: one type on both sides, so a field the operator writes is a
 * field the console can read. What the client offers (models, tools, agents with their URLs, persona) and how it
 * behaves (the spec's sections). Credentials are never in it: where the spec names a Secret, the file names the
 * environment variable that carries it ({@code secretEnv}). A reader ignores fields it does not know, so an
 * older console reads a newer operator's file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientConfig(
        String name,
        String namespace,
        String type,
        Integer port,
        Boolean allowModelSelection,
        Boolean allowPersonaSelection,
        List<Model> models,
        List<Tool> tools,
        List<Agent> agents,
        Persona persona,
        Session session,
        Authentication authentication,
        ClientRateLimits rateLimiting,
        ContentModeration contentModeration,
        UiConfig ui,
        Cors cors,
        Monitoring monitoring,
        ClientLogging logging) {

    public ClientConfig {
        models = List.copyOf(Objects.requireNonNullElse(models, List.of()));
        tools = List.copyOf(Objects.requireNonNullElse(tools, List.of()));
        agents = List.copyOf(Objects.requireNonNullElse(agents, List.of()));
    }

    /** A LanguageModel: its model proxy's OpenAI base URL (ending in {@code /v1}); the model name is its name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Model(String name, String endpoint) {}

    /** A service-mode LanguageTool and its MCP URL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tool(String name, String url) {}

    /**
     * An agent that takes requests: {@code url} is its Service root; a {@link AgentMode#CHAT} agent answers OpenAI
     * chat completions under {@code url + "/v1"}. {@code approvalTokenEnv} names the environment variable that
     * carries the agent's approval token (from its {@code safetyConfig.approvalTokenSecretRef}), with which the
     * console decides the agent's pending tool calls; absent, the console cannot decide them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agent(
            String name,
            String url,
            AgentMode mode,
            String displayName,
            String description,
            String icon,
            String approvalTokenEnv) {}

    public enum AgentMode {
        @JsonProperty("chat")
        CHAT,
        @JsonProperty("webhook")
        WEBHOOK
    }

    /** The client's default persona, as the system prompt the operator distils for agents too. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Persona(String name, String systemPrompt) {}

    /** {@code spec.sessionConfig} with the backend's credential named by its variable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(
            SessionBackend backend,
            SessionStore backendConfig,
            String ttl,
            Integer maxMessagesPerSession,
            Boolean enablePersistence,
            CookieConfig cookieConfig) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionStore(String endpoint, String secretEnv, String database, String keyPrefix) {}

    /** {@code spec.authentication} with each provider's credential named by its variable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Authentication(
            Boolean enabled,
            List<Provider> providers,
            Boolean requireAuthentication,
            Boolean allowAnonymous,
            ClientRbac rbac) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provider(
            String name, AuthProviderType type, Map<String, String> config, String secretEnv, Boolean enabled) {}
}
