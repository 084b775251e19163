package io.langop.proxy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Root of the proxy's configuration file. The operator renders it from LanguageModel resources;
 * {@link ProxyConfigFiles} reads and writes it, {@link ProxyConfigValidator} checks it.
 *
 * @param models          the models clients may name in {@code "model"}
 * @param clientKeys      keys clients must present as {@code Authorization: Bearer <key>}; empty means no auth
 * @param maxRequestBytes requests with a larger body are refused with 413 before they are parsed
 * @param maxRequestsInProgress chat and embedding requests served at once; more are answered 503 with
 *     {@code Retry-After} at once. Without a bound an overloaded proxy queues until clients give up.
 * @param connectionLimits what one client address may hold before it is served
 * @param sharedState the Redis the proxy's replicas share limits, usage and (where a model asks) its cache through;
 *     null when each replica keeps its own
 */
public record ProxyConfig(
        List<ModelConfig> models,
        List<ClientKey> clientKeys,
        Long maxRequestBytes,
        Integer maxRequestsInProgress,
        ConnectionLimits connectionLimits,
        SharedState sharedState) {

    /** Requests one upstream endpoint carries at once; further ones wait for a slot. */
    public static final int MAX_IN_FLIGHT_PER_ENDPOINT = 256;

    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;
    /**
     * Four times the in-flight bound of one endpoint: waiting for an upstream slot still queues, while a proxy
     * short of CPU sheds load instead of collapsing.
     */
    public static final int DEFAULT_MAX_REQUESTS_IN_PROGRESS = 4 * MAX_IN_FLIGHT_PER_ENDPOINT;

    public ProxyConfig {
        models = models == null ? List.of() : List.copyOf(models);
        clientKeys = clientKeys == null ? List.of() : List.copyOf(clientKeys);
        maxRequestBytes = maxRequestBytes == null ? DEFAULT_MAX_REQUEST_BYTES : maxRequestBytes;
        maxRequestsInProgress =
                maxRequestsInProgress == null ? DEFAULT_MAX_REQUESTS_IN_PROGRESS : maxRequestsInProgress;
        connectionLimits = connectionLimits == null ? ConnectionLimits.DEFAULT : connectionLimits;
    }

    /** Serves {@code models} without client keys, every other setting at its default. */
    public static ProxyConfig of(List<ModelConfig> models) {
        return new ProxyConfig(models, null, null, null, null, null);
    }

    public Optional<ModelConfig> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Every secret file the configuration refers to, so a rotated key can be noticed like a changed file. */
    public List<Path> secretFiles() {
        Stream<SecretRef> refs = Stream.of(
                        clientKeys.stream().map(ClientKey::key),
                        models.stream()
                                .flatMap(m -> Stream.concat(
                                        Stream.of(m.apiKey()),
                                        m.endpoints().stream().map(EndpointConfig::apiKey))),
                        Stream.ofNullable(sharedState).map(SharedState::redis))
                .flatMap(Function.identity());
        return refs.filter(r -> r != null && r.file() != null)
                .map(r -> Path.of(r.file()))
                .distinct()
                .toList();
    }
}
