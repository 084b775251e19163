package io.langop.proxy.gateway;

import io.langop.proxy.cache.MemoryResponseCache;
import io.langop.proxy.cache.RedisResponseCache;
import io.langop.proxy.cache.ResponseCache;
import io.langop.proxy.config.CacheBackend;
import io.langop.proxy.config.CacheSettings;
import io.langop.proxy.config.ClientKey;
import io.langop.proxy.config.KeyDigests;
import io.langop.proxy.config.ModelConfig;
import io.langop.proxy.config.ProxyConfig;
import io.langop.proxy.routing.Endpoint;
import io.langop.proxy.routing.EndpointPool;
import io.langop.proxy.shared.SharedRedis;
import io.langop.proxy.upstream.Protocol;
import io.langop.server.redaction.Redactor;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * One configuration made live: models with their endpoints, caches and resolved keys. A reload builds a new
 * gateway and keeps the runtime (breaker state, latency averages, cache) of every model whose
 * configuration did not change.
 */
public final class Gateway {

    /** The client name used for accounting when no client keys are configured. */
    public static final String ANONYMOUS = "anonymous";

    private final ProxyConfig config;
    private final Map<String, ModelRuntime> models;
    private final List<ResolvedKey> clientKeys;
    /** This configuration's keys, upstream and client. */
    private final Redactor keys;
    /** This configuration's keys and the previous one's, which requests begun before a rotation still use. */
    private final Redactor redactor;

    private Gateway(
            ProxyConfig config,
            Map<String, ModelRuntime> models,
            List<ResolvedKey> clientKeys,
            Redactor keys,
            Redactor redactor) {
        this.config = config;
        this.models = models;
        this.clientKeys = clientKeys;
        this.keys = keys;
        this.redactor = redactor;
    }

    /**
     * Resolves every secret and builds the runtime.
     *
     * @param shared the Redis the replicas share, where models with {@code cache.backend: redis} cache; null
     *     without one
     * @throws io.langop.proxy.config.ConfigException when a secret cannot be read
     */
    public static Gateway build(ProxyConfig config, Gateway previous, SharedRedis shared, LongSupplier clock) {
        Map<String, ModelRuntime> models = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        for (ModelConfig model : config.models()) {
            List<String> keys = upstreamKeys(model);
            secrets.addAll(keys);
            ModelRuntime kept = previous == null ? null : previous.models.get(model.name());
            boolean unchanged = kept != null
                    && kept.config().equals(model)
                    && kept.pool().endpoints().stream()
                            .map(Endpoint::apiKey)
                            .toList()
                            .equals(keys);
            models.put(model.name(), unchanged ? kept : runtime(model, keys, shared, clock));
        }
        List<ResolvedKey> clients = new ArrayList<>();
        for (ClientKey client : config.clientKeys()) {
            if (client.key() == null) {
                // known by its hash only: there is no value to redact, and none to read
                clients.add(new ResolvedKey(client, client.digest()));
            } else {
                String key = client.key().resolve();
                secrets.add(key);
                clients.add(new ResolvedKey(client, KeyDigests.sha256(key)));
            }
        }
        Redactor keys = Redactor.of(secrets);
        return new Gateway(
                config,
                Map.copyOf(models),
                List.copyOf(clients),
                keys,
                previous == null ? keys : keys.and(previous.keys));
    }

    /**
     * Takes every key the proxy holds (upstream and client) out of text that reaches a client or a log: upstreams
     * echo the key they were sent in error messages, and a client may have put one into its prompt.
     */
    public Redactor redactor() {
        return redactor;
    }

    /** The key of each endpoint, in endpoint order (null where the upstream needs none). */
    private static List<String> upstreamKeys(ModelConfig model) {
        String modelKey = model.apiKey() == null ? null : model.apiKey().resolve();
        return model.endpoints().stream()
                .map(e -> e.apiKey() != null ? e.apiKey().resolve() : modelKey)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static ModelRuntime runtime(ModelConfig model, List<String> keys, SharedRedis shared, LongSupplier clock) {
        EndpointPool pool = new EndpointPool(model.routing(), model.endpoints(), keys, model.circuitBreaker(), clock);
        return new ModelRuntime(model, Protocol.of(model.provider()), pool, cache(model, shared, clock));
    }

    private static ResponseCache cache(ModelConfig model, SharedRedis shared, LongSupplier clock) {
        CacheSettings cache = model.cache();
        if (!cache.enabled()) {
            return null;
        }
        // the configuration refuses a redis cache without shared state
        return cache.backend() == CacheBackend.REDIS
                ? new RedisResponseCache(shared, model.name(), cache.ttl(), cache.maxBytes())
                : new MemoryResponseCache(cache.ttl(), cache.maxBytes(), clock);
    }

    public ProxyConfig config() {
        return config;
    }

    public Optional<ModelRuntime> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public List<ModelRuntime> models() {
        return config.models().stream().map(m -> models.get(m.name())).toList();
    }

    public boolean requiresClientKey() {
        return !clientKeys.isEmpty();
    }

    /**
     * The client a presented key belongs to. Digests are compared, each in constant time and all of them, so
     * timing reveals neither a key nor which one matched.
     */
    public Optional<ClientKey> client(String presentedKey) {
        byte[] presented = KeyDigests.sha256(presentedKey);
        ClientKey match = null;
        for (ResolvedKey key : clientKeys) {
            if (MessageDigest.isEqual(key.digest(), presented)) {
                match = key.config();
            }
        }
        return Optional.ofNullable(match);
    }

    /** Limiter scopes that exist in this configuration. */
    public Set<String> scopeKeys() {
        Set<String> scopes = new HashSet<>();
        config.models().forEach(m -> scopes.add("model:" + m.name()));
        config.clientKeys().forEach(k -> scopes.add("client:" + k.name()));
        return scopes;
    }

    /** The digest is compared, never the record. */
    @SuppressWarnings("ArrayRecordComponent")
    private record ResolvedKey(ClientKey config, byte[] digest) {}
}
