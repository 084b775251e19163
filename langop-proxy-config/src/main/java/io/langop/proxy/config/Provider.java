package io.langop.proxy.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;

/** Wire protocol spoken by a model's upstreams. */
public enum Provider {
    OPENAI("openai", URI.create("https://api.openai.com/v1")),
    /** vLLM, Ollama, LM Studio and anything else serving the OpenAI API. */
    OPENAI_COMPATIBLE("openai-compatible", null),
    /** Deployment URLs, {@code api-version} query parameter, {@code api-key} header. */
    AZURE("azure", null),
    /** Messages API; requests and responses are translated to and from chat completions. */
    ANTHROPIC("anthropic", URI.create("https://api.anthropic.com/v1"));

    private final String wireName;
    private final URI publicBaseUrl;

    Provider(String wireName, URI publicBaseUrl) {
        this.wireName = wireName;
        this.publicBaseUrl = publicBaseUrl;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Base URL used when a model lists no endpoints, or null when endpoints are required. */
    public URI publicBaseUrl() {
        return publicBaseUrl;
    }
}
