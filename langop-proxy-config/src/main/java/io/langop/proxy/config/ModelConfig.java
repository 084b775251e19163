package io.langop.proxy.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param fallbackWhen   per fallback name, the failures that send a request to it; one not named here takes any
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
        Map<String, Set<FallbackCondition>> fallbackWhen,
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
        fallbackWhen = fallbackWhen == null ? Map.of() : Map.copyOf(fallbackWhen);
        rateLimits = rateLimits == null ? RateLimits.UNLIMITED : rateLimits;
        pricing = pricing == null ? Pricing.FREE : pricing;
        cache = cache == null ? CacheSettings.DISABLED : cache;
        circuitBreaker = circuitBreaker == null ? CircuitBreakerSettings.DEFAULT : circuitBreaker;
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }

    /** Whether a request that failed here with {@code failure} goes on to the fallback {@code model}. */
    public boolean fallsBackTo(String model, FallbackCondition failure) {
        Set<FallbackCondition> when = fallbackWhen.get(model);
        return when == null || when.isEmpty() || when.contains(failure);
    }

    /** A model with only the required fields; everything else takes its default. */
    public static ModelConfig of(String name, Provider provider, List<EndpointConfig> endpoints) {
        return builder(name).provider(provider).endpoints(endpoints).build();
    }

    /** Starts a model named {@code name}; what is not set takes its default. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Builds a {@link ModelConfig} by name instead of by position: fifteen components, most of them optional, are
     * easy to pass in the wrong place.
     */
    public static final class Builder {
        private final String name;
        private Provider provider;
        private String upstreamModel;
        private List<EndpointConfig> endpoints;
        private SecretRef apiKey;
        private String apiVersion;
        private RoutingStrategy routing;
        private Duration timeout;
        private RetryPolicy retry;
        private List<String> fallbacks;
        private Map<String, Set<FallbackCondition>> fallbackWhen;
        private RateLimits rateLimits;
        private Pricing pricing;
        private CacheSettings cache;
        private CircuitBreakerSettings circuitBreaker;
        private Map<String, Object> defaults;

        private Builder(String name) {
            this.name = name;
        }

        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        public Builder upstreamModel(String upstreamModel) {
            this.upstreamModel = upstreamModel;
            return this;
        }

        public Builder endpoints(List<EndpointConfig> endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        public Builder apiKey(SecretRef apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder routing(RoutingStrategy routing) {
            this.routing = routing;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        public Builder fallbacks(List<String> fallbacks) {
            this.fallbacks = fallbacks;
            return this;
        }

        public Builder fallbackWhen(Map<String, Set<FallbackCondition>> fallbackWhen) {
            this.fallbackWhen = fallbackWhen;
            return this;
        }

        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = rateLimits;
            return this;
        }

        public Builder pricing(Pricing pricing) {
            this.pricing = pricing;
            return this;
        }

        public Builder cache(CacheSettings cache) {
            this.cache = cache;
            return this;
        }

        public Builder circuitBreaker(CircuitBreakerSettings circuitBreaker) {
            this.circuitBreaker = circuitBreaker;
            return this;
        }

        public Builder defaults(Map<String, Object> defaults) {
            this.defaults = defaults;
            return this;
        }

        public ModelConfig build() {
            return new ModelConfig(
                    name,
                    provider,
                    upstreamModel,
                    endpoints,
                    apiKey,
                    apiVersion,
                    routing,
                    timeout,
                    retry,
                    fallbacks,
                    fallbackWhen,
                    rateLimits,
                    pricing,
                    cache,
                    circuitBreaker,
                    defaults);
        }
    }
}
