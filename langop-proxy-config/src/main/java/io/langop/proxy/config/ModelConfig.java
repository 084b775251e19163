package io.langop.proxy.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One model clients can call, with everything the proxy needs to reach and govern it.
 *
 * @param name           the name clients send as {@code "model"} (the LanguageModel's name)
 * @param provider       wire protocol of the upstream
 * @param upstreamModel  model id sent upstream (OpenAI model, Azure deployment, Anthropic model); default {@code name}
 * @param endpoints      upstream API bases; may be empty for {@code openai} and {@code anthropic} (public API)
 * @param apiKey         upstream key for every endpoint without its own; never sent to clients or logged
 * @param apiVersion     Azure {@code api-version} query parameter (required for azure); Anthropic
 *                       {@code anthropic-version} header (default {@value #DEFAULT_ANTHROPIC_VERSION})
 * @param routing        how a request picks one of several endpoints
 * @param timeout        per-attempt upstream timeout (whole response for non-streaming, idle gap for streams)
 * @param retry          retries on this model before the fallback chain is tried
 * @param fallbacks      names of other models in this file, tried in order after this one gives up
 * @param rateLimits     limits for this model across all clients
 * @param pricing        prices for cost accounting; absent means cost 0
 * @param cache          exact-match response cache
 * @param circuitBreaker ejection of failing endpoints
 * @param defaults       request parameters (OpenAI wire names, e.g. {@code max_tokens}, {@code temperature})
 *                       applied when a client request leaves them out
 */
public record ModelConfig(
        String name,
        Provider provider,
        String upstreamModel,
        List<EndpointConfig> endpoints,
        SecretRef apiKey,
        String apiVersion,
        RoutingStrategy routing,
        Duration timeout,
        RetryPolicy retry,
        List<String> fallbacks,
        RateLimits rateLimits,
        Pricing pricing,
        CacheSettings cache,
        CircuitBreakerSettings circuitBreaker,
        Map<String, Object> defaults) {

    public static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public ModelConfig {
        provider = provider == null ? Provider.OPENAI_COMPATIBLE : provider;
        upstreamModel = upstreamModel == null || upstreamModel.isBlank() ? name : upstreamModel;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        if (endpoints.isEmpty() && provider.publicBaseUrl() != null) {
            endpoints = List.of(new EndpointConfig(provider.publicBaseUrl(), null, null));
        }
        if (apiVersion == null && provider == Provider.ANTHROPIC) {
            apiVersion = DEFAULT_ANTHROPIC_VERSION;
        }
        routing = routing == null ? RoutingStrategy.ROUND_ROBIN : routing;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
        rateLimits = rateLimits == null ? RateLimits.UNLIMITED : rateLimits;
        pricing = pricing == null ? Pricing.FREE : pricing;
        cache = cache == null ? CacheSettings.DISABLED : cache;
        circuitBreaker = circuitBreaker == null ? CircuitBreakerSettings.DEFAULT : circuitBreaker;
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }

    /** A model with only the required fields; everything else takes its default. */
    public static ModelConfig of(String name, Provider provider, List<EndpointConfig> endpoints) {
        return new ModelConfig(
                name, provider, null, endpoints, null, null, null, null, null, null, null, null, null, null, null);
    }
}
