package io.langop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.langop.api.v1alpha1.NetworkPeer;
import io.langop.api.v1alpha1.NetworkPort;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.model.CacheBackend;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.ModelConfiguration;
import io.langop.api.v1alpha1.model.ModelFallback;
import io.langop.api.v1alpha1.model.ModelPhase;
import io.langop.api.v1alpha1.model.ModelProvider;
import io.langop.api.v1alpha1.model.ProxySharedState;
import io.langop.api.v1alpha1.model.ResponseCaching;
import io.langop.operator.OperatorSettings;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.ReconcileFailures;
import io.langop.operator.kube.Conditions;
import io.langop.operator.monitoring.Scraping;
import io.langop.operator.monitoring.ServiceMonitor;
import io.langop.proxy.config.ModelConfig;
import io.langop.proxy.config.Provider;
import io.langop.proxy.config.ProxyConfig;
import io.langop.proxy.config.ProxyConfigFiles;
import io.langop.proxy.config.SecretRef;
import io.langop.proxy.config.SharedState;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LanguageModelReconcilerTest {

    private static final String PROXY_IMAGE = "registry.example/langop-model-proxy:1.2.3";

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.with(
                    new OperatorSettings(java.util.Set.of(), Duration.ofMinutes(5), PROXY_IMAGE, 4)
                            .withScraping(new Scraping(true, Map.of("release", "prometheus"), Map.of(), Map.of())))
            .resolving(host -> switch (host) {
                case "api.openai.com" -> List.of(InetAddress.getByName("198.51.100.7"));
                default -> throw new UnknownHostException(host);
            });

    @Test
    void servesTheModelThroughAProxyWhoseFileTheProxyReadsAndWhichHoldsNoSecret() {
        String ns = "models-main";
        createSecret(ns, "openai", "token", "sk-live-do-not-leak");
        LanguageModel model = Fixtures.model(ns, "gpt");
        model.getSpec().setProvider(ModelProvider.OPENAI);
        model.getSpec().setModelName("gpt-4o");
        model.getSpec().setEndpoint(null);
        SecretKeyReference key = new SecretKeyReference();
        key.setName("openai");
        key.setKey("token");
        model.getSpec().setApiKeySecretRef(key);
        model.getSpec().setTimeout("90s");
        model.getSpec().setConfiguration(new ModelConfiguration());
        model.getSpec().getConfiguration().setTemperature(0.2);
        model.getSpec().getConfiguration().setAdditionalParameters(Map.of("seed", "7"));
        operator.client().resource(model).create();

        // the first reconcile of a fresh operator JVM (class loading, YAML) is slow on a loaded machine
        ConfigMap configMap = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> operator.client()
                                .configMaps()
                                .inNamespace(ns)
                                .withName("gpt-model")
                                .get(),
                        c -> c != null);
        String yaml = configMap.getData().get("proxy.yaml");
        assertThat(yaml).doesNotContain("sk-live-do-not-leak");
        ProxyConfig config = ProxyConfigFiles.parse(yaml);
        ModelConfig served = config.model("gpt").orElseThrow();
        assertThat(served.provider()).isEqualTo(Provider.OPENAI);
        assertThat(served.upstreamModel()).isEqualTo("gpt-4o");
        assertThat(served.endpoints())
                .extracting(e -> e.url())
                .containsExactly(URI.create("https://api.openai.com/v1"));
        assertThat(served.apiKey().file().toString()).isEqualTo("/etc/secrets/openai/token");
        assertThat(served.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(served.defaults()).containsEntry("temperature", 0.2).containsEntry("seed", 7);

        Deployment deployment = await().until(
                        () -> operator.client()
                                .apps()
                                .deployments()
                                .inNamespace(ns)
                                .withName("gpt-model")
                                .get(),
                        d -> d != null);
        Container proxy =
                deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(proxy.getImage()).isEqualTo(PROXY_IMAGE);
        assertThat(proxy.getEnv())
                .extracting(e -> e.getName() + "=" + e.getValue())
                .containsExactly("PROXY_CONFIG=/etc/langop/proxy/proxy.yaml", "PORT=8080");
        assertThat(proxy.getVolumeMounts())
                .extracting(m -> m.getName() + ":" + m.getMountPath())
                .containsExactly("config:/etc/langop/proxy", "api-keys:/etc/secrets");
        var keys = deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getVolumes()
                .get(1)
                .getProjected()
                .getSources();
        assertThat(keys).singleElement().satisfies(source -> {
            assertThat(source.getSecret().getName()).isEqualTo("openai");
            assertThat(source.getSecret().getItems())
                    .singleElement()
                    .satisfies(item ->
                            assertThat(item.getKey() + "->" + item.getPath()).isEqualTo("token->openai/token"));
        });
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/kind", "LanguageModel", "app.kubernetes.io/instance", "gpt"));

        var service = operator.client()
                .services()
                .inNamespace(ns)
                .withName("gpt-model")
                .get();
        assertThat(service.getSpec().getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getPort()).isEqualTo(8080));
        NetworkPolicy policy = operator.client()
                .network()
                .networkPolicies()
                .inNamespace(ns)
                .withName("gpt-model")
                .get();
        assertThat(policy.getSpec().getEgress()).hasSize(2);
        assertThat(policy.getSpec().getEgress().get(1).getTo())
                .extracting(p -> p.getIpBlock().getCidr())
                .containsExactly("198.51.100.7/32");
        assertThat(policy.getSpec().getEgress().get(1).getPorts())
                .extracting(p -> p.getPort().getIntVal())
                .containsExactly(443);

        await().untilAsserted(() -> {
            LanguageModel current = get(ns, "gpt");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(ModelPhase.CONFIGURING);
            assertThat(current.getStatus().getEndpoint())
                    .isEqualTo("http://gpt-model.models-main.svc.cluster.local:8080/v1");
        });
        deployment.setStatus(new DeploymentStatusBuilder()
                .withReplicas(1)
                .withReadyReplicas(1)
                .withAvailableReplicas(1)
                .withUpdatedReplicas(1)
                .build());
        operator.client().resource(deployment).updateStatus();
        await().untilAsserted(
                        () -> assertThat(get(ns, "gpt").getStatus().getPhase()).isEqualTo(ModelPhase.READY));
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
    }

    @Test
    void replicasSharingRedisGetItsSecretMountedTheirOwnKeysAndTheWayToIt() {
        String ns = "models-shared";
        createSecret(ns, "proxy-redis", "url", "redis://:do-not-leak@10.9.8.7:6379/2");
        LanguageModel model = Fixtures.model(ns, "gpt");
        model.getSpec().setReplicas(3);
        ProxySharedState shared = new ProxySharedState();
        SecretKeyReference url = new SecretKeyReference();
        url.setName("proxy-redis");
        url.setKey("url");
        shared.setConnectionSecretRef(url);
        shared.setTimeout("150ms");
        NetworkRule toRedis = new NetworkRule();
        toRedis.setTo(new NetworkPeer());
        toRedis.getTo().setCidr("10.9.8.7/32");
        NetworkPort port = new NetworkPort();
        port.setPort(6379);
        toRedis.setPorts(List.of(port));
        shared.setEgress(toRedis);
        model.getSpec().setSharedState(shared);
        model.getSpec().setCaching(new ResponseCaching());
        model.getSpec().getCaching().setEnabled(true);
        model.getSpec().getCaching().setBackend(CacheBackend.REDIS);
        operator.client().resource(model).create();

        ConfigMap configMap = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> operator.client()
                                .configMaps()
                                .inNamespace(ns)
                                .withName("gpt-model")
                                .get(),
                        c -> c != null);
        String yaml = configMap.getData().get("proxy.yaml");
        assertThat(yaml).doesNotContain("do-not-leak");
        ProxyConfig config = ProxyConfigFiles.parse(yaml);
        assertThat(config.sharedState())
                .isEqualTo(new SharedState(
                        SecretRef.file(java.nio.file.Path.of("/etc/secrets/proxy-redis/url")),
                        "langop:proxy:models-shared/gpt:",
                        3,
                        Duration.ofMillis(150)));
        assertThat(config.model("gpt").orElseThrow().cache().backend())
                .isEqualTo(io.langop.proxy.config.CacheBackend.REDIS);

        Deployment deployment = await().until(
                        () -> operator.client()
                                .apps()
                                .deployments()
                                .inNamespace(ns)
                                .withName("gpt-model")
                                .get(),
                        d -> d != null);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getVolumes()
                        .get(1)
                        .getProjected()
                        .getSources())
                .extracting(source -> source.getSecret().getName() + ":"
                        + source.getSecret().getItems().getFirst().getPath())
                .containsExactly("proxy-redis:proxy-redis/url");
        NetworkPolicy policy = await().until(
                        () -> operator.client()
                                .network()
                                .networkPolicies()
                                .inNamespace(ns)
                                .withName("gpt-model")
                                .get(),
                        p -> p != null);
        assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> {
            assertThat(rule.getTo()).extracting(p -> p.getIpBlock().getCidr()).containsExactly("10.9.8.7/32");
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(6379);
        });
    }

    @Test
    void aFallbackIsServedFromTheSameProxyOnceItExists() {
        String ns = "models-fallback";
        LanguageModel primary = Fixtures.model(ns, "fast");
        ModelFallback fallback = new ModelFallback();
        fallback.setModelRef("steady");
        primary.getSpec().setFallbacks(List.of(fallback));
        operator.client().resource(primary).create();

        await().untilAsserted(() -> {
            LanguageModel current = get(ns, "fast");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getConditions())
                    .filteredOn(c -> c.getType().equals("ReferencesResolved"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.getMessage()).contains("steady"));
        });
        assertThat(ProxyConfigFiles.parse(proxyYaml(ns, "fast")).models())
                .extracting(ModelConfig::name)
                .containsExactly("fast");

        operator.client().resource(Fixtures.model(ns, "steady")).create();
        await().untilAsserted(() -> {
            ProxyConfig config = ProxyConfigFiles.parse(proxyYaml(ns, "fast"));
            assertThat(config.models()).extracting(ModelConfig::name).containsExactly("fast", "steady");
            assertThat(config.model("fast").orElseThrow().fallbacks()).containsExactly("steady");
        });
    }

    @Test
    void aProviderTheProxyCannotServeIsReported() {
        String ns = "models-invalid";
        LanguageModel model = Fixtures.model(ns, "titan");
        model.getSpec().setProvider(ModelProvider.BEDROCK);
        operator.client().resource(model).create();
        await().untilAsserted(() -> {
            LanguageModel current = get(ns, "titan");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(ModelPhase.FAILED);
            assertThat(current.getStatus().getMessage()).contains("provider bedrock is not served");
        });
        assertThat(operator.client()
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("titan-model")
                        .get())
                .isNull();
    }

    @Test
    void aRefusedDeploymentIsInTheStatusUntilItGoesThrough() {
        String ns = "models-refused";
        try (var refusal = ReconcileFailures.refuseCreating(operator.api(), ns, "deployments")) {
            operator.client().resource(Fixtures.model(ns, "gpt")).create();
            var condition = ReconcileFailures.awaitRecorded(operator.client(), LanguageModel.class, ns, "gpt");
            assertThat(condition.getMessage()).startsWith("deployment: API server answered 403 for deployments: ");
        }
        ReconcileFailures.awaitCleared(operator.client(), LanguageModel.class, ns, "gpt");
        assertThat(operator.client()
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("gpt-model")
                        .get())
                .isNotNull();
    }

    @Test
    void theProxyGetsAServiceMonitorThatPresentsTheModelsKeyOnceThePrometheusOperatorIsInstalled() {
        String ns = "models-scraped";
        operator.client().resource(Fixtures.model(ns, "qwen")).create();
        await().until(() -> operator.client()
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("qwen-model")
                        .get()
                != null);
        assertThat(monitor(ns, "qwen-model")).as("no Prometheus Operator yet").isNull();
        await().untilAsserted(() -> assertThat(readyMessage(ns, "qwen"))
                .as("says why nothing scrapes the proxy")
                .contains("the proxy's ServiceMonitor (chart value metrics.serviceMonitor.components) needs the"
                        + " Prometheus Operator's CRD servicemonitors.monitoring.coreos.com, which this cluster does not"
                        + " have"));

        operator.client().resource(Fixtures.serviceMonitorCrd()).create();
        LanguageModel changed = get(ns, "qwen");
        changed.getSpec().setTimeout("90s"); // its next reconcile finds the CRD
        Edits.replaceSpec(operator.client(), changed);

        ServiceMonitor monitor = await().until(() -> monitor(ns, "qwen-model"), m -> m != null);
        await().untilAsserted(() -> assertThat(readyMessage(ns, "qwen"))
                .as("the note goes once the monitor is made")
                .doesNotContain("Prometheus Operator"));
        assertThat(monitor.getMetadata().getLabels())
                .containsEntry("release", "prometheus")
                .containsEntry("app.kubernetes.io/managed-by", "langop-operator");
        assertThat(monitor.getMetadata().getOwnerReferences())
                .as("removed with the model")
                .singleElement()
                .satisfies(owner -> {
                    assertThat(owner.getKind()).isEqualTo("LanguageModel");
                    assertThat(owner.getUid())
                            .isEqualTo(get(ns, "qwen").getMetadata().getUid());
                    assertThat(owner.getController()).isTrue();
                });
        var service = operator.client()
                .services()
                .inNamespace(ns)
                .withName("qwen-model")
                .get();
        assertThat(service.getMetadata().getLabels())
                .as("the Service the monitor selects")
                .containsAllEntriesOf(monitor.getSpec().selector.getMatchLabels());
        assertThat(operator.client().services().inNamespace(ns).list().getItems())
                .as("and no other")
                .filteredOn(s -> s.getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(monitor.getSpec().selector.getMatchLabels().entrySet()))
                .hasSize(1);
        assertThat(monitor.getSpec().endpoints).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.port)
                    .isEqualTo(service.getSpec().getPorts().getFirst().getName());
            assertThat(endpoint.path).isEqualTo("/metrics");
            assertThat(endpoint.bearerTokenSecret.getName()).isEqualTo("qwen-model-key");
            assertThat(endpoint.bearerTokenSecret.getKey()).isEqualTo("key");
        });
        var key = operator.client()
                .secrets()
                .inNamespace(ns)
                .withName("qwen-model-key")
                .get();
        assertThat(key.getData()).as("the key the proxy answers /metrics with").containsOnlyKeys("key");
        assertThat(key.getMetadata().getOwnerReferences())
                .extracting(owner -> owner.getUid())
                .containsExactly(get(ns, "qwen").getMetadata().getUid());
    }

    private static String readyMessage(String ns, String name) {
        LanguageModel model = get(ns, name);
        return model.getStatus() == null
                ? ""
                : Conditions.find(model.getStatus().getConditions(), Conditions.READY)
                        .map(Condition::getMessage)
                        .orElse("");
    }

    private static ServiceMonitor monitor(String ns, String name) {
        return operator.client()
                .resources(ServiceMonitor.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static String proxyYaml(String ns, String model) {
        return operator.client()
                .configMaps()
                .inNamespace(ns)
                .withName(model + "-model")
                .get()
                .getData()
                .get("proxy.yaml");
    }

    private static LanguageModel get(String ns, String name) {
        return operator.client()
                .resources(LanguageModel.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static void createSecret(String namespace, String name, String key, String value) {
        operator.client()
                .secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withStringData(Map.of(key, value))
                        .build())
                .create();
    }
}
