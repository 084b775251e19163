package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** API family of a model endpoint. */
public enum ModelProvider {
    @JsonProperty("openai")
    OPENAI,
    @JsonProperty("anthropic")
    ANTHROPIC,
    @JsonProperty("openai-compatible")
    OPENAI_COMPATIBLE,
    @JsonProperty("azure")
    AZURE,
    @JsonProperty("bedrock")
    BEDROCK,
    @JsonProperty("vertex")
    VERTEX,
    @JsonProperty("custom")
    CUSTOM
}
