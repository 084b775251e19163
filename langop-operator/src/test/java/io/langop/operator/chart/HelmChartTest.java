package io.langop.operator.chart;

import static io.langop.operator.chart.ChartRendering.all;
import static io.langop.operator.chart.ChartRendering.only;
import static io.langop.operator.chart.ChartRendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.langop.operator.OperatorCommand;
import io.langop.operator.agent.AgentHttp;
import io.langop.operator.kube.Labels;
import io.langop.operator.tool.ToolEndpoint;
import io.langop.wire.TelemetryEnv;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Renders the chart with Helm itself (helm-java) and checks the objects it would install, with the default
 * values and with each group of values changed. What the ClusterRole grants is checked against the
 * operator's real requests in {@link OperatorAccessTest}.
 */
class HelmChartTest {

    @Test
    void lintsCleanly() {
        LintResult lint = new Helm(ChartRendering.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersTheOperatorWithItsDefaults() {
        List<HasMetadata> objects = render(Map.of());

        Deployment deployment = only(objects, Deployment.class);
        assertThat(deployment.getMetadata().getName()).isEqualTo("langop-language-operator");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        Container container = operator(objects);
        assertThat(container.getImage()).isEqualTo("ghcr.io/langop/langop-operator:0.1.0");
        assertThat(container.getArgs())
                .containsExactly(
                        "--port=8080",
                        "--leader-election",
                        "--leader-election-namespace=$(POD_NAMESPACE)",
                        "--leader-election-lease=langop-operator",
                        "--dns-refresh=5m",
                        "--model-proxy-image=ghcr.io/langop/langop-model-proxy:0.1.0",
                        "--reconcile-threads=10",
                        "--synthesis-repair-rounds=3",
                        "--synthesis-namespace-budget=10",
                        "--synthesis-namespace-refill=1m",
                        "--synthesis-retry=10s",
                        "--synthesis-timeout=2m");
        assertThat(env(container)).containsOnlyKeys("POD_NAMESPACE", "LOG_LEVEL", "LOG_FORMAT");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getSecurityContext()
                        .getRunAsNonRoot())
                .isTrue();
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(only(objects, ServiceAccount.class).getMetadata().getName());

        Service metrics = only(objects, Service.class);
        assertThat(metrics.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http-metrics");
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(metrics.getSpec().getSelector())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());

        assertThat(only(objects, ClusterRoleBinding.class).getSubjects())
                .singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("langop-language-operator"));
        assertThat(ChartRendering.access(only(objects, Role.class).getRules()))
                .containsExactlyInAnyOrder(
                        "coordination.k8s.io/leases:get",
                        "coordination.k8s.io/leases:create",
                        "coordination.k8s.io/leases:update");
        assertThat(objects)
                .noneMatch(o -> o instanceof Secret
                        || o instanceof PodDisruptionBudget
                        || o.getKind().equals("ServiceMonitor"));
    }

    @Test
    void everyArgumentTheChartPassesIsAnOptionOfTheOperator() {
        List<HasMetadata> objects = render(Map.of(
                "watchNamespaces[0]", "team-a",
                "watchNamespaces[1]", "team-b",
                "dashboard.enabledByDefault", "true",
                "metrics.serviceMonitor.enabled", "true",
                "metrics.serviceMonitor.labels.release", "prometheus",
                "metrics.scraper.namespaceLabels.team", "monitoring",
                "metrics.scraper.podLabels.app", "prometheus"));
        List<String> args = operator(objects).getArgs();
        assertThat(args)
                .contains(
                        "--namespaces=team-a,team-b",
                        "--dashboard-by-default",
                        "--proxy-service-monitors",
                        "--service-monitor-label=release=prometheus",
                        "--scraper-namespace-label=team=monitoring",
                        "--scraper-pod-label=app=prometheus");
        Set<String> options = new CommandLine(new OperatorCommand())
                .getCommandSpec()
                .optionsMap()
                .keySet();
        assertThat(args).allSatisfy(arg -> assertThat(options).contains(arg.split("=", 2)[0]));
        // and picocli accepts every value the chart passes
        new CommandLine(new OperatorCommand())
                .parseArgs(args.stream()
                        .map(arg -> arg.replace("$(POD_NAMESPACE)", "langop-system"))
                        .toArray(String[]::new));
    }

    @Test
    void everyClustersDashboardIsOffByDefaultUntilTheValueTurnsItOn() {
        assertThat(operator(render(Map.of())).getArgs()).doesNotContain("--dashboard-by-default");
        assertThat(operator(render(Map.of("dashboard.enabledByDefault", "true")))
                        .getArgs())
                .contains("--dashboard-by-default");
        assertThat(operator(render(Map.of("dashboard.enabledByDefault", "false")))
                        .getArgs())
                .doesNotContain("--dashboard-by-default");
    }

    @Test
    void valuesChangeWhatTheyNameAndSeveralReplicasNeedLeaderElection() {
        List<HasMetadata> objects = render(Map.of(
                "leaderElection.enabled",
                "false",
                "metrics.port",
                "9100",
                "metrics.service.enabled",
                "false",
                "replicaCount",
                "1",
                "operator.dnsRefresh",
                "30s",
                "resources.limits.memory",
                "1Gi"));
        Container container = operator(objects);
        assertThat(container.getArgs())
                .contains("--port=9100", "--dns-refresh=30s")
                .noneMatch(arg -> arg.startsWith("--leader-election"));
        assertThat(container.getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9100));
        assertThat(container.getResources().getLimits().get("memory").toString())
                .isEqualTo("1Gi");
        assertThat(objects).noneMatch(o -> o instanceof Service || o instanceof Role);

        assertThat(only(render(Map.of("replicaCount", "3")), Deployment.class)
                        .getSpec()
                        .getReplicas())
                .isEqualTo(3);
        assertThatThrownBy(() -> render(Map.of("replicaCount", "2", "leaderElection.enabled", "false")))
                .hasMessageContaining("replicaCount > 1 needs leaderElection.enabled=true");
    }

    @Test
    void everyImageComesFromOneRegistryAndTagUnlessItNamesItsOwn() {
        List<HasMetadata> objects = render(Map.of(
                "images.registry",
                "registry.example.com/team/",
                "images.tag",
                "1.2.3",
                "images.modelProxy.tag",
                "1.2.4",
                "images.operator.pullPolicy",
                "Always"));
        Container container = operator(objects);
        assertThat(container.getImage()).isEqualTo("registry.example.com/team/langop-operator:1.2.3");
        assertThat(container.getImagePullPolicy()).isEqualTo("Always");
        assertThat(container.getArgs())
                .contains("--model-proxy-image=registry.example.com/team/langop-model-proxy:1.2.4");
        assertThat(notes(Map.of("images.registry", "registry.example.com/team", "images.tag", "1.2.3")))
                .contains("LanguageAgent:           registry.example.com/team/langop-agent:1.2.3")
                .contains("LanguageTool (web):      registry.example.com/team/langop-tool-web:1.2.3")
                .contains("LanguageTool (email):    registry.example.com/team/langop-tool-email:1.2.3");

        assertThat(operator(render(Map.of("images.registry", "", "images.operator.repository", "localhost:5000/op")))
                        .getImage())
                .isEqualTo("localhost:5000/op:0.1.0");
    }

    @Test
    void synthesisIsConfiguredByEnvironmentAndTheKeyComesFromASecret() {
        Container fromExisting = operator(render(Map.of(
                "synthesis.endpoint",
                "https://llm.example.com/v1",
                "synthesis.model",
                "gpt-4o",
                "synthesis.apiKey.existingSecret",
                "llm-key",
                "synthesis.repairRounds",
                "5")));
        assertThat(env(fromExisting))
                .containsEntry("SYNTHESIS_ENDPOINT", "https://llm.example.com/v1")
                .containsEntry("SYNTHESIS_MODEL", "gpt-4o");
        assertThat(secretRef(fromExisting, "SYNTHESIS_API_KEY")).isEqualTo("llm-key/api-key");
        assertThat(fromExisting.getArgs()).contains("--synthesis-repair-rounds=5");

        List<HasMetadata> objects = render(Map.of(
                "synthesis.model",
                "gpt-4o",
                "synthesis.apiKey.value",
                "sk-secret",
                "synthesis.apiKey.secretKey",
                "key"));
        Secret secret = only(objects, Secret.class);
        assertThat(secret.getMetadata().getName()).isEqualTo("langop-language-operator-synthesis");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("key")), StandardCharsets.UTF_8))
                .isEqualTo("sk-secret");
        Container fromValue = operator(objects);
        assertThat(secretRef(fromValue, "SYNTHESIS_API_KEY")).isEqualTo("langop-language-operator-synthesis/key");
        assertThat(env(fromValue)).doesNotContainKey("SYNTHESIS_ENDPOINT");
        Deployment deployment = only(objects, Deployment.class);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("checksum/synthesis-secret");
        assertThat(objects)
                .as("the key appears only in its Secret")
                .filteredOn(o -> !(o instanceof Secret))
                .allSatisfy(o -> assertThat(o.toString()).doesNotContain("sk-secret"));
        assertThat(notes(Map.of())).contains("Synthesis is OFF");
        assertThat(notes(Map.of("synthesis.model", "gpt-4o"))).contains("agents are written by gpt-4o (no API key");

        assertThatThrownBy(() -> render(Map.of(
                        "synthesis.model", "m", "synthesis.apiKey.existingSecret", "s", "synthesis.apiKey.value", "v")))
                .hasMessageContaining("set existingSecret or value, not both");
        assertThatThrownBy(() -> render(Map.of("synthesis.endpoint", "http://llm/v1")))
                .hasMessageContaining("synthesis.endpoint needs synthesis.model");
    }

    @Test
    void theOperatorTracesToTheEndpointOfItsValuesAndStartsNoSdkWithoutOne() {
        assertThat(env(operator(render(Map.of())))).doesNotContainKey(TelemetryEnv.OTLP_ENDPOINT);

        Container traced = operator(render(Map.of(
                "tracing.otlpEndpoint", "http://otel-collector.monitoring:4318", "tracing.sampleRatio", "0.25")));
        assertThat(env(traced))
                .containsEntry(TelemetryEnv.OTLP_ENDPOINT, "http://otel-collector.monitoring:4318")
                .containsEntry(TelemetryEnv.OTLP_PROTOCOL, TelemetryEnv.HTTP_PROTOBUF)
                .containsEntry(TelemetryEnv.SERVICE_NAME, "langop-operator")
                .containsEntry(TelemetryEnv.TRACES_SAMPLER, "parentbased_traceidratio")
                .containsEntry("OTEL_TRACES_SAMPLER_ARG", "0.25");
    }

    @Test
    void aServiceMonitorScrapesTheMetricsService() {
        List<HasMetadata> objects = render(Map.of(
                "metrics.serviceMonitor.enabled",
                "true",
                "metrics.serviceMonitor.labels.release",
                "prometheus",
                "metrics.serviceMonitor.interval",
                "15s"));
        GenericKubernetesResource monitor = all(objects, GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("ServiceMonitor"))
                .findFirst()
                .orElseThrow();
        Service service = only(objects, Service.class);
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat(service.getMetadata().getLabels())
                .containsAllEntriesOf(monitor.<Map<String, String>>get("spec", "selector", "matchLabels"));
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertThat(endpoints).singleElement().satisfies(endpoint -> {
            assertThat(endpoint)
                    .containsEntry(
                            "port", service.getSpec().getPorts().getFirst().getName())
                    .containsEntry("path", "/metrics")
                    .containsEntry("interval", "15s");
        });

        assertThatThrownBy(() ->
                        render(Map.of("metrics.serviceMonitor.enabled", "true", "metrics.service.enabled", "false")))
                .hasMessageContaining("needs metrics.service.enabled");
    }

    @Test
    void withItsServiceMonitorTheChartScrapesAgentsAndToolsAndTheOperatorTheModelProxies() {
        List<HasMetadata> objects = render(Map.of(
                "metrics.serviceMonitor.enabled", "true", "metrics.serviceMonitor.labels.release", "prometheus"));
        assertThat(operator(objects).getArgs()).contains("--proxy-service-monitors");
        GenericKubernetesResource pods = all(objects, GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("PodMonitor"))
                .findFirst()
                .orElseThrow();
        assertThat(pods.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat(pods.<Map<String, Object>>get("spec", "namespaceSelector")).isEqualTo(Map.of("any", true));
        assertThat(pods.<Map<String, String>>get("spec", "selector", "matchLabels"))
                .isEqualTo(Map.of(Labels.MANAGED_BY, Labels.OPERATOR));
        assertThat(pods.<List<Map<String, Object>>>get("spec", "selector", "matchExpressions"))
                .singleElement()
                .isEqualTo(Map.of("key", Labels.COMPONENT, "operator", "In", "values", List.of("agent", "tool")));
        List<Map<String, Object>> endpoints = pods.get("spec", "podMetricsEndpoints");
        assertThat(endpoints)
                .extracting(endpoint -> endpoint.get("port") + " " + endpoint.get("path"))
                .containsExactly(AgentHttp.PORT_NAME + " /metrics", ToolEndpoint.PORT_NAME + " /metrics");

        assertThat(all(
                        render(Map.of(
                                "metrics.serviceMonitor.enabled", "true",
                                "watchNamespaces[0]", "team-a")),
                        GenericKubernetesResource.class))
                .filteredOn(o -> o.getKind().equals("PodMonitor"))
                .singleElement()
                .satisfies(only -> assertThat(only.<Map<String, Object>>get("spec", "namespaceSelector"))
                        .isEqualTo(Map.of("matchNames", List.of("team-a"))));
        List<HasMetadata> operatorOnly =
                render(Map.of("metrics.serviceMonitor.enabled", "true", "metrics.serviceMonitor.components", "false"));
        assertThat(operator(operatorOnly).getArgs()).doesNotContain("--proxy-service-monitors");
        assertThat(operatorOnly).noneMatch(o -> o.getKind().equals("PodMonitor"));
        assertThat(operator(render(Map.of())).getArgs())
                .noneMatch(arg -> arg.startsWith("--proxy-service-monitors") || arg.startsWith("--scraper"));
    }

    @Test
    void aPodDisruptionBudgetCoversTheOperatorPods() {
        List<HasMetadata> objects = render(Map.of("podDisruptionBudget.enabled", "true", "replicaCount", "2"));
        PodDisruptionBudget pdb = only(objects, PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getMinAvailable()).isNull();
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(only(objects, Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels());

        PodDisruptionBudget byMin = only(
                render(Map.of("podDisruptionBudget.enabled", "true", "podDisruptionBudget.minAvailable", "1")),
                PodDisruptionBudget.class);
        assertThat(byMin.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(byMin.getSpec().getMaxUnavailable()).isNull();
    }

    @Test
    void notesSayHowToCheckTheInstall() {
        assertThat(notes(Map.of("watchNamespaces[0]", "team-a")))
                .contains("kubectl -n langop-system rollout status deployment/langop-language-operator")
                .contains("watching team-a")
                .contains("port-forward service/langop-language-operator-metrics 8080");
    }

    /** NOTES.txt as {@code helm install --dry-run} prints it (helm template leaves it out). */
    private static String notes(Map<String, String> values) {
        var install = new Helm(ChartRendering.CHART)
                .install()
                .withName("langop")
                .withNamespace("langop-system")
                .withKubeVersion("1.31.0")
                .clientOnly()
                .dryRun();
        values.forEach(install::set);
        return install.call().getOutput();
    }

    private static Container operator(List<HasMetadata> objects) {
        return only(objects, Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst();
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream()
                .collect(Collectors.toMap(
                        EnvVar::getName, e -> e.getValue() != null ? e.getValue() : "<from " + e.getValueFrom() + ">"));
    }

    private static String secretRef(Container container, String name) {
        var ref = container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .getValueFrom()
                .getSecretKeyRef();
        return ref.getName() + "/" + ref.getKey();
    }
}
