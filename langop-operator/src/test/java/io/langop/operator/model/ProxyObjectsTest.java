package io.langop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.langop.api.v1alpha1.LogLevel;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.ModelLogging;
import io.langop.api.v1alpha1.model.ModelObservability;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.egress.EgressRules;
import io.langop.wire.ServiceWire;
import io.langop.wire.TelemetryEnv;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The proxy of a model: its ConfigMap, Deployment and Service, built from a plan without a cluster. */
class ProxyObjectsTest {

    private static final String IMAGE = "registry.example/langop-model-proxy:1.2.3";

    @Test
    void theConfigMapHoldsTheRenderedFileUnderTheNameTheDeploymentMounts() {
        LanguageModel model = gpt();

        ConfigMap configMap = ProxyConfigMap.of(model, plan("models: []\n", List.of()));
        Deployment deployment = ProxyDeployment.of(model, plan("models: []\n", List.of()));

        assertThat(configMap.getMetadata().getName()).isEqualTo("gpt-model");
        assertThat(configMap.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getController()).isTrue());
        assertThat(configMap.getData()).isEqualTo(Map.of("proxy.yaml", "models: []\n"));
        Container proxy = proxy(deployment);
        assertThat(env(proxy)).containsEntry(ServiceWire.PROXY_CONFIG_ENV, "/etc/langop/proxy/proxy.yaml");
        assertThat(proxy.getVolumeMounts())
                .extracting(mount -> mount.getName() + ":" + mount.getMountPath())
                .containsExactly("config:/etc/langop/proxy");
        assertThat(volume(deployment, "config").getConfigMap().getName()).isEqualTo("gpt-model");
    }

    @Test
    void theProxyRunsTheConfiguredImageOnItsPortWithHealthProbes() {
        Deployment deployment = ProxyDeployment.of(gpt(), plan("", List.of()));

        assertThat(deployment.getMetadata().getName()).isEqualTo("gpt-model");
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/kind", "LanguageModel", "app.kubernetes.io/instance", "gpt"));
        Container proxy = proxy(deployment);
        assertThat(proxy.getImage()).isEqualTo(IMAGE);
        assertThat(proxy.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
        assertThat(env(proxy)).containsEntry(ServiceWire.PORT_ENV, "8080");
        assertThat(proxy.getReadinessProbe().getHttpGet().getPath()).isEqualTo(ServiceWire.READY_PATH);
        assertThat(proxy.getLivenessProbe().getHttpGet().getPath()).isEqualTo(ServiceWire.HEALTH_PATH);
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                .extracting(Volume::getName)
                .containsExactly("config");
    }

    @Test
    void aModelThatTracesHasItsProxyContinueItsCallersTracesAtItsEndpoint() {
        LanguageModel model = gpt();
        assertThat(env(proxy(ProxyDeployment.of(model, plan("", List.of())))))
                .as("no tracing asked for")
                .doesNotContainKey(TelemetryEnv.OTLP_ENDPOINT);
        model.getSpec().setObservability(new ModelObservability());
        model.getSpec().getObservability().setTracing(true);
        model.getSpec().getObservability().setOtlpEndpoint("http://collector.monitoring:4318");

        assertThat(env(proxy(ProxyDeployment.of(model, plan("", List.of())))))
                .containsEntry(TelemetryEnv.OTLP_ENDPOINT, "http://collector.monitoring:4318")
                .containsEntry(TelemetryEnv.SERVICE_NAME, "gpt")
                .containsEntry(TelemetryEnv.TRACES_SAMPLER, "parentbased_always_off")
                .containsEntry(
                        TelemetryEnv.RESOURCE_ATTRIBUTES,
                        "k8s.namespace.name=" + model.getMetadata().getNamespace());
    }

    @Test
    void theSpecSetsTheProxysReplicasResourcesAndLogLevel() {
        LanguageModel model = gpt();
        Deployment plain = ProxyDeployment.of(model, plan("", List.of()));
        assertThat(plain.getSpec().getReplicas()).isEqualTo(1);
        assertThat(env(proxy(plain))).doesNotContainKey(ServiceWire.LOG_LEVEL_ENV);

        model.getSpec().setReplicas(3);
        model.getSpec()
                .setResources(new ResourceRequirementsBuilder()
                        .addToLimits("memory", new Quantity("256Mi"))
                        .build());
        model.getSpec().setObservability(new ModelObservability());
        model.getSpec().getObservability().setLogging(new ModelLogging());
        model.getSpec().getObservability().getLogging().setLevel(LogLevel.DEBUG);
        Deployment deployment = ProxyDeployment.of(model, plan("", List.of()));

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(proxy(deployment).getResources().getLimits()).containsEntry("memory", new Quantity("256Mi"));
        assertThat(env(proxy(deployment))).containsEntry(ServiceWire.LOG_LEVEL_ENV, "debug");
    }

    @Test
    void eachApiKeySecretIsProjectedOnceUnderItsNameAndKey() {
        SecretKeyReference openai = secret("openai", null);
        SecretKeyReference azure = secret("azure", "token");

        Deployment deployment = ProxyDeployment.of(gpt(), plan("", List.of(openai, azure, openai)));

        assertThat(proxy(deployment).getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("api-keys");
            assertThat(mount.getMountPath()).isEqualTo("/etc/secrets");
            assertThat(mount.getReadOnly()).isTrue();
        });
        assertThat(volume(deployment, "api-keys").getProjected().getSources())
                .extracting(source -> source.getSecret().getName() + ":"
                        + source.getSecret().getItems().getFirst().getKey() + "->"
                        + source.getSecret().getItems().getFirst().getPath())
                .containsExactly("openai:api-key->openai/api-key", "azure:token->azure/token");
    }

    @Test
    void theServiceSendsTheModelsPortToTheProxy() {
        Service service = ProxyService.of(gpt());

        assertThat(service.getMetadata().getName()).isEqualTo("gpt-model");
        assertThat(service.getSpec().getSelector())
                .isEqualTo(Map.of("langop.io/kind", "LanguageModel", "app.kubernetes.io/instance", "gpt"));
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(8080);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    private static LanguageModel gpt() {
        return Fixtures.model("models", "gpt");
    }

    private static ModelProxyPlan plan(String yaml, List<SecretKeyReference> keys) {
        return new ModelProxyPlan(IMAGE, yaml, keys, new EgressRules.Resolved(List.of(), List.of()));
    }

    private static SecretKeyReference secret(String name, String key) {
        SecretKeyReference ref = new SecretKeyReference();
        ref.setName(name);
        ref.setKey(key);
        return ref;
    }

    private static Container proxy(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static Volume volume(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
