package io.langop.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigFilesTest {

    private static final String FULL = """
      maxRequestBytes: 1048576
      connectionLimits: {perAddress: 64, pendingBodiesPerAddress: 4, bodyTimeout: 10s, headTimeout: 5s}
      clientKeys:
        - name: news-agent
          key: {file: /etc/langop/client-keys/news-agent}
          rateLimits: {requestsPerMinute: 30}
      models:
        - name: gpt-4o
          provider: openai
          upstreamModel: gpt-4o-2024-08-06
          apiKey: {env: OPENAI_API_KEY}
          routing: weighted
          endpoints:
            - url: https://a.example.com/v1
              weight: 80
            - url: https://b.example.com/v1
              weight: 20
              apiKey: {file: /etc/secrets/b/api-key}
          timeout: 1m30s
          retry: {maxAttempts: 4, initialBackoff: 250ms, maxBackoff: 5s, backoffMultiplier: 3, retryableStatusCodes: [429, 503]}
          fallbacks: [claude]
          rateLimits: {requestsPerMinute: 600, tokensPerMinute: 90000, concurrentRequests: 20}
          pricing: {currency: EUR, inputPer1kTokens: 0.0025, outputPer1kTokens: 0.01}
          cache: {enabled: true, ttl: 10m, maxBytes: 1000000, cacheNonZeroTemperature: true}
          circuitBreaker: {failureThreshold: 5, ejectFor: 45s}
          defaults: {max_tokens: 1024, temperature: 0.2, stop: ["END"]}
        - name: claude
          provider: anthropic
          upstreamModel: claude-sonnet-4-5
          apiKey: {env: ANTHROPIC_API_KEY}
      """;

    @Test
    void readsEveryField() {
        ProxyConfig config = ProxyConfigFiles.parse(FULL);

        assertThat(config.maxRequestBytes()).isEqualTo(1_048_576L);
        assertThat(config.connectionLimits())
                .isEqualTo(new ConnectionLimits(64, 4, Duration.ofSeconds(10), Duration.ofSeconds(5)));
        assertThat(config.clientKeys()).singleElement().satisfies(key -> {
            assertThat(key.name()).isEqualTo("news-agent");
            assertThat(key.key()).isEqualTo(SecretRef.file(Path.of("/etc/langop/client-keys/news-agent")));
            assertThat(key.rateLimits()).isEqualTo(new RateLimits(30, null, null));
        });
        ModelConfig gpt = config.model("gpt-4o").orElseThrow();
        assertThat(gpt.provider()).isEqualTo(Provider.OPENAI);
        assertThat(gpt.upstreamModel()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(gpt.apiKey()).isEqualTo(SecretRef.env("OPENAI_API_KEY"));
        assertThat(gpt.routing()).isEqualTo(RoutingStrategy.WEIGHTED);
        assertThat(gpt.endpoints())
                .extracting(EndpointConfig::url, EndpointConfig::weight)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(URI.create("https://a.example.com/v1"), 80),
                        org.assertj.core.groups.Tuple.tuple(URI.create("https://b.example.com/v1"), 20));
        assertThat(gpt.endpoints().get(1).apiKey()).isEqualTo(SecretRef.file(Path.of("/etc/secrets/b/api-key")));
        assertThat(gpt.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(gpt.retry())
                .isEqualTo(new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), 3.0, Set.of(429, 503)));
        assertThat(gpt.fallbacks()).containsExactly("claude");
        assertThat(gpt.rateLimits()).isEqualTo(new RateLimits(600, 90_000, 20));
        assertThat(gpt.pricing()).isEqualTo(new Pricing("EUR", 0.0025, 0.01));
        assertThat(gpt.cache()).isEqualTo(new CacheSettings(true, Duration.ofMinutes(10), 1_000_000L, true, null));
        assertThat(gpt.circuitBreaker()).isEqualTo(new CircuitBreakerSettings(5, Duration.ofSeconds(45)));
        assertThat(gpt.defaults()).containsEntry("max_tokens", 1024).containsEntry("stop", List.of("END"));
    }

    @Test
    void aModelBuiltByNameEqualsTheSameModelReadFromTheFile() {
        ModelConfig read = ProxyConfigFiles.parse(FULL).model("gpt-4o").orElseThrow();

        ModelConfig built = ModelConfig.builder("gpt-4o")
                .provider(Provider.OPENAI)
                .upstreamModel("gpt-4o-2024-08-06")
                .apiKey(SecretRef.env("OPENAI_API_KEY"))
                .routing(RoutingStrategy.WEIGHTED)
                .endpoints(List.of(
                        new EndpointConfig(URI.create("https://a.example.com/v1"), 80, null),
                        new EndpointConfig(
                                URI.create("https://b.example.com/v1"),
                                20,
                                SecretRef.file(Path.of("/etc/secrets/b/api-key")))))
                .timeout(Duration.ofSeconds(90))
                .retry(new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), 3.0, Set.of(429, 503)))
                .fallbacks(List.of("claude"))
                .rateLimits(new RateLimits(600, 90_000, 20))
                .pricing(new Pricing("EUR", 0.0025, 0.01))
                .cache(new CacheSettings(true, Duration.ofMinutes(10), 1_000_000L, true, null))
                .circuitBreaker(new CircuitBreakerSettings(5, Duration.ofSeconds(45)))
                .defaults(Map.of("max_tokens", 1024, "temperature", 0.2, "stop", List.of("END")))
                .build();

        assertThat(built).isEqualTo(read);
        assertThat(ModelConfig.builder("bare").provider(Provider.OPENAI).build())
                .isEqualTo(ProxyConfigFiles.parse("models: [{name: bare, provider: openai}]")
                        .model("bare")
                        .orElseThrow());
    }

    @Test
    void appliesDefaultsForOmittedFields() {
        ProxyConfig config = ProxyConfigFiles.parse("""
        models:
          - name: claude
            provider: anthropic
          - name: local
            endpoints: [{url: "http://ollama:11434/v1"}]
        """);

        ModelConfig claude = config.model("claude").orElseThrow();
        assertThat(claude.upstreamModel()).isEqualTo("claude");
        assertThat(claude.endpoints())
                .extracting(EndpointConfig::url)
                .containsExactly(URI.create("https://api.anthropic.com/v1"));
        assertThat(claude.apiVersion()).isEqualTo(ModelConfig.DEFAULT_ANTHROPIC_VERSION);
        ModelConfig local = config.model("local").orElseThrow();
        assertThat(local.provider()).isEqualTo(Provider.OPENAI_COMPATIBLE);
        assertThat(local.routing()).isEqualTo(RoutingStrategy.ROUND_ROBIN);
        assertThat(local.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(local.retry().maxAttempts()).isEqualTo(3);
        assertThat(local.endpoints().getFirst().weight()).isEqualTo(100);
        assertThat(local.cache().enabled()).isFalse();
        assertThat(config.clientKeys()).isEmpty();
        assertThat(config.maxRequestBytes()).isEqualTo(ProxyConfig.DEFAULT_MAX_REQUEST_BYTES);
        assertThat(config.maxRequestsInProgress()).isEqualTo(1024);
        assertThat(config.connectionLimits())
                .isEqualTo(new ConnectionLimits(256, 16, Duration.ofSeconds(30), Duration.ofSeconds(20)));
    }

    @Test
    void writtenFileReadsBackEqual(@TempDir Path dir) throws Exception {
        ProxyConfig original = ProxyConfigFiles.parse(FULL);
        Path file = dir.resolve("proxy.yaml");

        ProxyConfigFiles.write(original, file);

        assertThat(ProxyConfigFiles.read(file)).isEqualTo(original);
        assertThat(Files.readString(file))
                .contains("timeout: 1m30s")
                .contains("provider: anthropic")
                .contains("routing: weighted")
                .doesNotContain("null");
    }

    @Test
    void acceptsJson() {
        ProxyConfig config = ProxyConfigFiles.parse("""
        {"models": [{"name": "m", "provider": "azure", "apiVersion": "2024-10-21",
                    "endpoints": [{"url": "https://r.openai.azure.com"}]}]}
        """);

        assertThat(config.model("m").orElseThrow().provider()).isEqualTo(Provider.AZURE);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> ProxyConfigFiles.parse("""
        maxRequestsInProgress: 0
        connectionLimits: {perAddress: 0, pendingBodiesPerAddress: -1, bodyTimeout: 0s, headTimeout: 0s}
        clientKeys:
          - name: a
            key: {env: A, file: /a}
        models:
          - name: m
            provider: azure
            fallbacks: [m, ghost]
            rateLimits: {requestsPerMinute: 0}
          - name: m
            endpoints: [{url: "ftp://x"}]
        """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("maxRequestsInProgress must be positive")
                .hasMessageContaining("connectionLimits.perAddress must be positive")
                .hasMessageContaining("connectionLimits.pendingBodiesPerAddress must be positive")
                .hasMessageContaining("connectionLimits.bodyTimeout must be positive")
                .hasMessageContaining("connectionLimits.headTimeout must be positive")
                .hasMessageContaining("model m is defined twice")
                .hasMessageContaining("model m (azure) needs at least one endpoint")
                .hasMessageContaining("needs apiVersion")
                .hasMessageContaining("lists itself as a fallback")
                .hasMessageContaining("falls back to unknown model ghost")
                .hasMessageContaining("rate limits must be positive")
                .hasMessageContaining("without an absolute http(s) url: ftp://x")
                .hasMessageContaining("client key a secret reference needs exactly one of env or file");
    }

    @Test
    void namesTheBadFieldAndLine() {
        assertThatThrownBy(() -> ProxyConfigFiles.parse("""
        models:
          - name: m
            endpoints: [{url: "http://x/v1"}]
            timeout: soon
        """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid duration 'soon'")
                .hasMessageContaining("line 4");
        assertThatThrownBy(() -> ProxyConfigFiles.parse("models: [{name: m, routing: fastest}]"))
                .hasMessageContaining("fastest");
        assertThatThrownBy(() -> ProxyConfigFiles.parse("models: [{name: m, endpoint: x}]"))
                .hasMessageContaining("endpoint");
    }

    @Test
    void secretsResolveFromFilesButAreNeverPrinted(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("api-key");
        Files.writeString(secret, "sk-secret-value\n");
        SecretRef ref = SecretRef.file(secret);

        assertThat(ref.resolve()).isEqualTo("sk-secret-value");
        assertThat(ref.toString()).doesNotContain("sk-secret-value");
        assertThatThrownBy(() -> SecretRef.env("LANGOP_SURELY_UNSET_VARIABLE").resolve())
                .hasMessage("environment variable LANGOP_SURELY_UNSET_VARIABLE is not set");
    }

    @Test
    void durationsUseKubernetesNotation() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThatThrownBy(() -> Durations.parse("5 minutes")).isInstanceOf(ConfigException.class);
    }

    @Test
    void backoffGrowsAndIsCapped() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350), 2.0, null);

        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMillis(350));
        assertThat(policy.retryableStatusCodes()).isEqualTo(RetryPolicy.DEFAULT_RETRYABLE);
    }

    @Test
    void modelWithoutEndpointsMapsToPublicApi() {
        assertThat(ModelConfig.of("x", Provider.OPENAI, null).endpoints())
                .containsExactly(EndpointConfig.of("https://api.openai.com/v1"));
    }

    @Test
    void readsTheSharedRedisAndCountsItsConnectionStringAmongTheSecretFiles() {
        ProxyConfig config = ProxyConfigFiles.parse("""
        sharedState:
          redis: {file: /etc/secrets/proxy-redis/url}
          keyPrefix: "langop:proxy:team-a/gpt:"
          replicas: 3
          timeout: 150ms
        models:
          - name: gpt
            provider: openai
            cache: {enabled: true, backend: redis}
        """);

        assertThat(config.sharedState())
                .isEqualTo(new SharedState(
                        SecretRef.file(Path.of("/etc/secrets/proxy-redis/url")),
                        "langop:proxy:team-a/gpt:",
                        3,
                        Duration.ofMillis(150)));
        assertThat(config.model("gpt").orElseThrow().cache().backend()).isEqualTo(CacheBackend.REDIS);
        assertThat(config.secretFiles()).contains(Path.of("/etc/secrets/proxy-redis/url"));
        assertThat(ProxyConfigFiles.parse(ProxyConfigFiles.toYaml(config))).isEqualTo(config);
        assertThat(ProxyConfigFiles.parse("models: [{name: m, provider: openai}]")
                        .model("m")
                        .orElseThrow()
                        .cache()
                        .backend())
                .isEqualTo(CacheBackend.MEMORY);
    }

    @Test
    void refusesARedisCacheWithoutSharedStateAndSharedStateWithoutRedis() {
        assertThatThrownBy(() -> ProxyConfigFiles.parse(
                        "models: [{name: gpt, provider: openai, cache: {enabled: true, backend: redis}}]"))
                .hasMessageContaining("model gpt caches in redis, which needs sharedState");
        assertThatThrownBy(() -> ProxyConfigFiles.parse(
                        "sharedState: {replicas: 0, timeout: 0s}\nmodels: [{name: gpt, provider: openai}]"))
                .hasMessageContaining("sharedState needs redis")
                .hasMessageContaining("sharedState.replicas must be at least 1")
                .hasMessageContaining("sharedState.timeout must be positive");
    }
}
