package io.langop.proxy.config;

import java.net.URI;

/**
 * One upstream of a model.
 *
 * @param url    API base: for openai/openai-compatible/anthropic up to and including the version segment
 *               ({@code https://api.openai.com/v1}, {@code http://vllm:8000/v1}, {@code https://api.anthropic.com/v1});
 *               for azure the resource URL ({@code https://my-resource.openai.azure.com})
 * @param weight relative share of the traffic when the model routes by weight (default 100, 0 takes no traffic)
 * @param apiKey overrides the model's key for this endpoint
 */
public record EndpointConfig(URI url, Integer weight, SecretRef apiKey) {

    public static final int DEFAULT_WEIGHT = 100;

    public EndpointConfig {
        weight = weight == null ? DEFAULT_WEIGHT : weight;
    }

    public static EndpointConfig of(String url) {
        return new EndpointConfig(URI.create(url), null, null);
    }
}
