package io.langop.proxy.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks what the types cannot: names, references, required combinations. Reports every problem at once. */
final class ProxyConfigValidator {

    private ProxyConfigValidator() {}

    static void validate(ProxyConfig config) {
        List<String> problems = new ArrayList<>();
        Set<String> modelNames = new HashSet<>();
        for (ModelConfig model : config.models()) {
            if (model.name() == null || model.name().isBlank()) {
                problems.add("a model has no name");
                continue;
            }
            if (!modelNames.add(model.name())) {
                problems.add("model " + model.name() + " is defined twice");
            }
        }
        for (ModelConfig model : config.models()) {
            if (model.name() != null) {
                validateModel(model, modelNames, problems);
            }
        }
        Set<String> keyNames = new HashSet<>();
        for (ClientKey key : config.clientKeys()) {
            if (key.name() == null || key.name().isBlank()) {
                problems.add("a client key has no name");
            } else if (!keyNames.add(key.name())) {
                problems.add("client key " + key.name() + " is defined twice");
            }
            if ((key.key() == null) == (key.keySha256() == null)) {
                problems.add("client key " + key.name() + " needs exactly one of key and keySha256");
            } else if (key.key() != null) {
                validateSecretRef("client key " + key.name(), key.key(), problems);
            } else if (!ClientKey.isSha256Hex(key.keySha256())) {
                problems.add("client key " + key.name() + ": keySha256 must be 64 hex digits");
            }
            validateLimits("client key " + key.name(), key.rateLimits(), problems);
        }
        if (config.maxRequestBytes() <= 0) {
            problems.add("maxRequestBytes must be positive");
        }
        if (config.maxRequestsInProgress() <= 0) {
            problems.add("maxRequestsInProgress must be positive");
        }
        ConnectionLimits connections = config.connectionLimits();
        if (connections.perAddress() <= 0) {
            problems.add("connectionLimits.perAddress must be positive");
        }
        if (connections.pendingBodiesPerAddress() <= 0) {
            problems.add("connectionLimits.pendingBodiesPerAddress must be positive");
        }
        if (connections.bodyTimeout().isNegative() || connections.bodyTimeout().isZero()) {
            problems.add("connectionLimits.bodyTimeout must be positive");
        }
        if (connections.headTimeout().isNegative() || connections.headTimeout().isZero()) {
            problems.add("connectionLimits.headTimeout must be positive");
        }
        validateSharedState(config, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException("invalid proxy configuration: " + String.join("; ", problems));
        }
    }

    private static void validateModel(ModelConfig model, Set<String> modelNames, List<String> problems) {
        String where = "model " + model.name();
        if (model.endpoints().isEmpty()) {
            problems.add(where + " (" + model.provider().wireName() + ") needs at least one endpoint");
        }
        for (EndpointConfig endpoint : model.endpoints()) {
            if (endpoint.url() == null
                    || endpoint.url().getScheme() == null
                    || !(endpoint.url().getScheme().equals("http")
                            || endpoint.url().getScheme().equals("https"))
                    || endpoint.url().getHost() == null) {
                problems.add(where + " has an endpoint without an absolute http(s) url: " + endpoint.url());
            }
            if (endpoint.weight() < 0) {
                problems.add(where + " has an endpoint with a negative weight");
            }
            if (endpoint.apiKey() != null) {
                validateSecretRef(where + " endpoint " + endpoint.url(), endpoint.apiKey(), problems);
            }
        }
        if (model.routing() == RoutingStrategy.WEIGHTED
                && model.endpoints().stream().allMatch(e -> e.weight() == 0)) {
            problems.add(where + " uses weighted routing but every endpoint has weight 0");
        }
        if (model.provider() == Provider.AZURE
                && (model.apiVersion() == null || model.apiVersion().isBlank())) {
            problems.add(where + " (azure) needs apiVersion");
        }
        if (model.apiKey() != null) {
            validateSecretRef(where, model.apiKey(), problems);
        }
        for (String fallback : model.fallbacks()) {
            if (fallback.equals(model.name())) {
                problems.add(where + " lists itself as a fallback");
            } else if (!modelNames.contains(fallback)) {
                problems.add(where + " falls back to unknown model " + fallback);
            }
        }
        for (String conditioned : model.fallbackWhen().keySet()) {
            if (!model.fallbacks().contains(conditioned)) {
                problems.add(where + " has fallbackWhen for " + conditioned + ", which is none of its fallbacks");
            }
        }
        if (model.timeout().isZero() || model.timeout().isNegative()) {
            problems.add(where + " needs a positive timeout");
        }
        if (model.retry().backoffMultiplier() < 1.0) {
            problems.add(where + " retry.backoffMultiplier must be at least 1");
        }
        validateLimits(where, model.rateLimits(), problems);
        if (model.pricing().inputPer1kTokens() < 0 || model.pricing().outputPer1kTokens() < 0) {
            problems.add(where + " has a negative price");
        }
        if (model.cache().ttl().isNegative() || model.cache().maxBytes() < 0) {
            problems.add(where + " cache ttl and maxBytes must not be negative");
        }
    }

    private static void validateSharedState(ProxyConfig config, List<String> problems) {
        SharedState shared = config.sharedState();
        if (shared == null) {
            config.models().stream()
                    .filter(m -> m.cache().enabled() && m.cache().backend() == CacheBackend.REDIS)
                    .forEach(m -> problems.add("model " + m.name()
                            + " caches in redis, which needs sharedState (the Redis the replicas share)"));
            return;
        }
        if (shared.redis() == null) {
            problems.add("sharedState needs redis (a secret reference to the connection string)");
        } else {
            validateSecretRef("sharedState.redis", shared.redis(), problems);
        }
        if (shared.replicas() < 1) {
            problems.add("sharedState.replicas must be at least 1");
        }
        if (shared.timeout().isZero() || shared.timeout().isNegative()) {
            problems.add("sharedState.timeout must be positive");
        }
    }

    private static void validateLimits(String where, RateLimits limits, List<String> problems) {
        if (isNotPositive(limits.requestsPerMinute())
                || isNotPositive(limits.tokensPerMinute())
                || isNotPositive(limits.concurrentRequests())) {
            problems.add(where + " rate limits must be positive (leave a limit out for unlimited)");
        }
    }

    private static boolean isNotPositive(Integer value) {
        return value != null && value <= 0;
    }

    private static void validateSecretRef(String where, SecretRef ref, List<String> problems) {
        boolean hasEnv = ref.env() != null && !ref.env().isBlank();
        boolean hasFile = ref.file() != null && !ref.file().isBlank();
        if (hasEnv == hasFile) {
            problems.add(where + " secret reference needs exactly one of env or file");
        }
    }
}
