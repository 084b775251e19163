package io.langop.operator.model;

import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LanguageModelSpec;
import io.langop.api.v1alpha1.model.ModelConfiguration;
import io.langop.api.v1alpha1.model.ModelFallback;
import io.langop.proxy.config.CacheBackend;
import io.langop.proxy.config.CacheSettings;
import io.langop.proxy.config.CircuitBreakerSettings;
import io.langop.proxy.config.ClientKey;
import io.langop.proxy.config.ConfigException;
import io.langop.proxy.config.Durations;
import io.langop.proxy.config.EndpointConfig;
import io.langop.proxy.config.FallbackCondition;
import io.langop.proxy.config.ModelConfig;
import io.langop.proxy.config.Pricing;
import io.langop.proxy.config.Provider;
import io.langop.proxy.config.ProxyConfig;
import io.langop.proxy.config.ProxyConfigFiles;
import io.langop.proxy.config.RateLimits;
import io.langop.proxy.config.RetryPolicy;
import io.langop.proxy.config.RoutingStrategy;
import io.langop.proxy.config.SecretRef;
import io.langop.proxy.config.SharedState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders the model proxy's configuration from a LanguageModel and its fallbacks, with the proxy's
 * own records ({@code io.langop.proxy.config}), so the file format has a single definition. API
 * keys are file references to mounted Secrets, never values.
 */
public final class ProxyConfigRenderer {

    /** Where the proxy container finds the Secret key of a model. */
    public static final String SECRETS_DIR = "/etc/secrets";

    static final String AZURE_API_VERSION = "api-version";

    private ProxyConfigRenderer() {}

    /** A spec the proxy cannot serve, with the reason. */
    public static final class InvalidModelException extends RuntimeException {
        InvalidModelException(String message) {
            super(message);
        }
    }

    /**
     * The configuration serving {@code model}, with {@code fallbacks} rendered beside it, to the clients of
     * {@code clientKeys} only (every request needs one of them when there is any).
     */
    public static ProxyConfig render(LanguageModel model, List<LanguageModel> fallbacks, List<ClientKey> clientKeys) {
        List<ModelConfig> models = new java.util.ArrayList<>();
        models.add(modelConfig(
                model, fallbacks.stream().map(f -> f.getMetadata().getName()).toList()));
        for (LanguageModel fallback : fallbacks) {
            // a fallback's own fallbacks are not followed: the chain is the one this model declares
            models.add(modelConfig(fallback, List.of()));
        }
        ProxyConfig config = new ProxyConfig(models, clientKeys, null, null, null, sharedState(model));
        try {
            // read back exactly as the proxy will: what it would refuse is reported now, not at its start
            ProxyConfigFiles.parse(ProxyConfigFiles.toYaml(config));
        } catch (ConfigException e) {
            throw new InvalidModelException(e.getMessage());
        }
        return config;
    }

    public static String toYaml(ProxyConfig config) {
        return ProxyConfigFiles.toYaml(config);
    }

    /** The Secret keys the proxy reads, as mount paths: {@code /etc/secrets/<secret>/<key>}. */
    public static Path secretPath(SecretKeyReference ref) {
        return Path.of(SECRETS_DIR, ref.getName(), keyOf(ref));
    }

    public static String keyOf(SecretKeyReference ref) {
        return Objects.requireNonNullElse(ref.getKey(), "api-key");
    }

    private static ModelConfig modelConfig(LanguageModel model, List<String> fallbackNames) {
        LanguageModelSpec spec = model.getSpec();
        String name = model.getMetadata().getName();
        Provider provider = provider(model);
        Map<String, Object> defaults = defaults(spec.getConfiguration());
        String apiVersion = provider == Provider.AZURE ? (String) defaults.remove(AZURE_API_VERSION) : null;
        var balancing = spec.getLoadBalancing();
        var health = balancing == null ? null : balancing.getHealthCheck();
        return ModelConfig.builder(name)
                .provider(provider)
                .upstreamModel(spec.getModelName())
                .endpoints(endpoints(spec))
                .apiKey(
                        spec.getApiKeySecretRef() == null
                                ? null
                                : SecretRef.file(secretPath(spec.getApiKeySecretRef())))
                .apiVersion(apiVersion)
                .routing(
                        balancing == null || balancing.getStrategy() == null
                                ? null
                                : RoutingStrategy.valueOf(
                                        balancing.getStrategy().name()))
                .timeout(duration(name, "timeout", spec.getTimeout()))
                .retry(retry(name, spec.getRetryPolicy()))
                .fallbacks(fallbackNames)
                .fallbackWhen(fallbackWhen(spec, fallbackNames))
                .rateLimits(
                        spec.getRateLimits() == null
                                ? null
                                : new RateLimits(
                                        spec.getRateLimits().getRequestsPerMinute(),
                                        spec.getRateLimits().getTokensPerMinute(),
                                        spec.getRateLimits().getConcurrentRequests()))
                .pricing(pricing(spec))
                .cache(cache(name, spec))
                .circuitBreaker(
                        health == null || Boolean.FALSE.equals(health.getEnabled())
                                ? null
                                : new CircuitBreakerSettings(
                                        health.getUnhealthyThreshold(),
                                        duration(name, "healthCheck.interval", health.getInterval())))
                .defaults(defaults)
                .build();
    }

    /** {@code spec.fallbacks[].conditions} of the fallbacks rendered, by fallback name. */
    private static Map<String, Set<FallbackCondition>> fallbackWhen(LanguageModelSpec spec, List<String> rendered) {
        Map<String, Set<FallbackCondition>> when = new LinkedHashMap<>();
        for (ModelFallback fallback : Objects.requireNonNullElse(spec.getFallbacks(), List.<ModelFallback>of())) {
            if (rendered.contains(fallback.getModelRef())
                    && fallback.getConditions() != null
                    && !fallback.getConditions().isEmpty()) {
                Set<FallbackCondition> conditions = EnumSet.noneOf(FallbackCondition.class);
                fallback.getConditions().forEach(c -> conditions.add(FallbackCondition.valueOf(c.name())));
                when.put(fallback.getModelRef(), conditions);
            }
        }
        return when;
    }

    private static Provider provider(LanguageModel model) {
        return switch (model.getSpec().getProvider()) {
            case OPENAI -> Provider.OPENAI;
            case ANTHROPIC -> Provider.ANTHROPIC;
            case AZURE -> Provider.AZURE;
            case OPENAI_COMPATIBLE, CUSTOM -> Provider.OPENAI_COMPATIBLE;
            case BEDROCK, VERTEX ->
                throw new InvalidModelException("provider "
                        + model.getSpec().getProvider().name().toLowerCase(java.util.Locale.ROOT)
                        + " is not served by the langop model proxy; use an OpenAI-compatible gateway as endpoint");
            case null -> throw new InvalidModelException("spec.provider is required");
        };
    }

    /**
     * {@code spec.endpoint} first (with the default weight), then {@code loadBalancing.endpoints}, which are in
     * addition to it as the API says; a URL listed in both is served once, with the weight the list gives it.
     */
    private static List<EndpointConfig> endpoints(LanguageModelSpec spec) {
        var balancing = spec.getLoadBalancing();
        var listed = balancing == null || balancing.getEndpoints() == null
                ? List.<io.langop.api.v1alpha1.model.ModelEndpoint>of()
                : balancing.getEndpoints();
        List<EndpointConfig> endpoints = new java.util.ArrayList<>();
        if (spec.getEndpoint() != null && listed.stream().noneMatch(e -> sameUrl(e.getUrl(), spec.getEndpoint()))) {
            endpoints.add(EndpointConfig.of(spec.getEndpoint()));
        }
        listed.forEach(e -> endpoints.add(new EndpointConfig(URI.create(e.getUrl()), e.getWeight(), null)));
        return List.copyOf(endpoints);
    }

    private static boolean sameUrl(String a, String b) {
        return stripSlash(a).equals(stripSlash(b));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Every upstream URL the proxy may call for this model, for its egress policy. */
    static List<URI> upstreams(LanguageModel model) {
        LinkedHashSet<URI> urls = new LinkedHashSet<>();
        endpoints(model.getSpec()).forEach(e -> urls.add(e.url()));
        if (urls.isEmpty()) {
            try {
                URI publicUrl = provider(model).publicBaseUrl();
                if (publicUrl != null) {
                    urls.add(publicUrl);
                }
            } catch (InvalidModelException e) {
                // reported by render(); an unservable model reaches nothing
            }
        }
        return List.copyOf(urls);
    }

    private static Map<String, Object> defaults(ModelConfiguration configuration) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (configuration == null) {
            return defaults;
        }
        putIfSet(defaults, "max_tokens", configuration.getMaxTokens());
        putIfSet(defaults, "temperature", configuration.getTemperature());
        putIfSet(defaults, "top_p", configuration.getTopP());
        putIfSet(defaults, "frequency_penalty", configuration.getFrequencyPenalty());
        putIfSet(defaults, "presence_penalty", configuration.getPresencePenalty());
        putIfSet(defaults, "stop", configuration.getStopSequences());
        Objects.requireNonNullElse(configuration.getAdditionalParameters(), Map.<String, String>of())
                .forEach((key, value) -> defaults.put(key, parameterValue(value)));
        return defaults;
    }

    /** Additional parameters arrive as strings; numbers and booleans go upstream as JSON numbers and booleans. */
    private static Object parameterValue(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        try {
            return value.contains(".") ? (Object) Double.parseDouble(value) : (Object) Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static RetryPolicy retry(String model, io.langop.api.v1alpha1.model.RetryPolicy retry) {
        if (retry == null) {
            return null;
        }
        return new RetryPolicy(
                retry.getMaxAttempts(),
                duration(model, "retryPolicy.initialBackoff", retry.getInitialBackoff()),
                duration(model, "retryPolicy.maxBackoff", retry.getMaxBackoff()),
                retry.getBackoffMultiplier(),
                retry.getRetryableStatusCodes() == null ? null : new LinkedHashSet<>(retry.getRetryableStatusCodes()));
    }

    private static Pricing pricing(LanguageModelSpec spec) {
        var cost = spec.getCostTracking();
        if (cost == null || Boolean.FALSE.equals(cost.getEnabled())) {
            return null;
        }
        return new Pricing(cost.getCurrency(), cost.getInputTokenCost(), cost.getOutputTokenCost());
    }

    private static CacheSettings cache(String model, LanguageModelSpec spec) {
        var caching = spec.getCaching();
        if (caching == null || !Boolean.TRUE.equals(caching.getEnabled())) {
            return null;
        }
        Long maxBytes = caching.getMaxSize() == null ? null : caching.getMaxSize() * 1024L * 1024L;
        CacheBackend backend = switch (Objects.requireNonNullElse(
                caching.getBackend(), io.langop.api.v1alpha1.model.CacheBackend.MEMORY)) {
            case MEMORY -> CacheBackend.MEMORY;
            case REDIS -> CacheBackend.REDIS;
            case MEMCACHED ->
                throw new InvalidModelException("LanguageModel " + model
                        + " spec.caching.backend memcached is not supported yet; use memory or redis");
        };
        return new CacheSettings(true, duration(model, "caching.ttl", caching.getTtl()), maxBytes, null, backend);
    }

    /**
     * The Redis the replicas share, as a mounted Secret file, with keys of their own: proxies of other models may
     * use the same Redis. Null without {@code spec.sharedState}.
     */
    private static SharedState sharedState(LanguageModel model) {
        var shared = model.getSpec().getSharedState();
        if (shared == null) {
            return null;
        }
        String name = model.getMetadata().getName();
        return new SharedState(
                SecretRef.file(secretPath(shared.getConnectionSecretRef())),
                SharedState.DEFAULT_KEY_PREFIX + model.getMetadata().getNamespace() + "/" + name + ":",
                Math.max(1, replicas(model)), // scaled to zero, there is no share to compute
                duration(name, "sharedState.timeout", shared.getTimeout()));
    }

    /** Replicas of the model's proxy ({@code spec.replicas}, default 1). */
    public static int replicas(LanguageModel model) {
        return Objects.requireNonNullElse(model.getSpec().getReplicas(), 1);
    }

    private static Duration duration(String model, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Durations.parse(value);
        } catch (ConfigException e) {
            throw new InvalidModelException("LanguageModel " + model + " spec." + field + ": " + e.getMessage());
        }
    }
}
