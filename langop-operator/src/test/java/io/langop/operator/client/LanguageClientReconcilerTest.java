package io.langop.operator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.PodDisruptionBudgetSpec;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.AgentReference;
import io.langop.api.v1alpha1.client.AuthProvider;
import io.langop.api.v1alpha1.client.AuthProviderType;
import io.langop.api.v1alpha1.client.Authentication;
import io.langop.api.v1alpha1.client.Autoscaling;
import io.langop.api.v1alpha1.client.BackendConfig;
import io.langop.api.v1alpha1.client.ClientPhase;
import io.langop.api.v1alpha1.client.ClientTls;
import io.langop.api.v1alpha1.client.CustomMetric;
import io.langop.api.v1alpha1.client.IngressSpec;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.api.v1alpha1.client.MetricType;
import io.langop.api.v1alpha1.client.Monitoring;
import io.langop.api.v1alpha1.client.SessionBackend;
import io.langop.api.v1alpha1.client.SessionConfig;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterSpec;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.ReconcileFailures;
import io.langop.operator.kube.KubeJson;
import io.langop.operator.monitoring.ServiceMonitor;
import io.langop.wire.AgentEnv;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LanguageClientReconcilerTest {

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults();

    @Test
    void runsTheClientOnceItsReferencesExistWithSettingsMountedAndCredentialsOnlyByReference() throws Exception {
        String ns = "clients-run";
        LanguageClient chat = languageClient(ns, "chat", List.of("gpt"));
        chat.getSpec().setReplicas(3);
        chat.getSpec().setClusterRef("team");
        chat.getSpec().setToolRefs(List.of(toolRef("search"), toolRef("inline")));
        chat.getSpec().setAgentRefs(List.of(agentRef("helper", "Helper"), agentRef("batch", null)));
        chat.getSpec()
                .setEnv(List.of(new EnvVarBuilder()
                        .withName("FEATURE_FLAG")
                        .withValue("beta-on")
                        .build()));
        AuthProvider sso = new AuthProvider();
        sso.setName("corp-sso");
        sso.setType(AuthProviderType.OIDC);
        sso.setConfig(Map.of("issuer", "https://sso.example.com"));
        sso.setSecretRef(secretRef("sso-credentials", "client-secret"));
        chat.getSpec().setAuthentication(new Authentication());
        chat.getSpec().getAuthentication().setEnabled(true);
        chat.getSpec().getAuthentication().setProviders(List.of(sso));
        chat.getSpec().setSessionConfig(new SessionConfig());
        chat.getSpec().getSessionConfig().setBackend(SessionBackend.REDIS);
        chat.getSpec().getSessionConfig().setBackendConfig(new BackendConfig());
        chat.getSpec().getSessionConfig().getBackendConfig().setEndpoint("redis.sessions.svc:6379");
        chat.getSpec().getSessionConfig().getBackendConfig().setSecretRef(secretRef("redis", null));
        operator.client().resource(chat).create();

        await().untilAsserted(() -> {
            LanguageClient current = get(ns, "chat");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(ClientPhase.PENDING);
            assertThat(current.getStatus().getReason()).isEqualTo("ReferencesMissing");
            assertThat(current.getStatus().getMessage())
                    .contains("LanguageModel clients-run/gpt not found")
                    .contains("LanguageAgent clients-run/helper not found")
                    .contains("LanguageCluster clients-run/team not found");
        });
        assertThat(deployment(ns, "chat-client")).isNull();

        operator.client().resource(Fixtures.model(ns, "gpt")).create();
        operator.client()
                .resource(Fixtures.tool(ns, "search", DeploymentMode.SERVICE, 8081))
                .create();
        operator.client()
                .resource(Fixtures.tool(ns, "inline", DeploymentMode.SIDECAR, 9090))
                .create();
        LanguageAgent helper = Fixtures.agent(ns, "helper", "gpt");
        helper.getSpec().setExecutionMode(ExecutionMode.INTERACTIVE);
        operator.client().resource(helper).create();
        operator.client().resource(Fixtures.agent(ns, "batch", "gpt")).create();
        LanguageCluster team = new LanguageCluster();
        team.setMetadata(
                new ObjectMetaBuilder().withName("team").withNamespace(ns).build());
        team.setSpec(new LanguageClusterSpec());
        operator.client().resource(team).create();

        Deployment deployment =
                await().atMost(Duration.ofSeconds(30)).until(() -> deployment(ns, "chat-client"), d -> d != null);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/kind", "LanguageClient", "app.kubernetes.io/instance", "chat"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("langop.io/cluster", "team");
        assertThat(deployment.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> {
                    assertThat(owner.getKind()).isEqualTo("LanguageClient");
                    assertThat(owner.getController()).isTrue();
                });
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();
        assertThat(container.getName()).isEqualTo("client");
        assertThat(container.getImage()).isEqualTo("ghcr.io/langop/chat:1");
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertThat(container.getReadinessProbe().getTcpSocket().getPort().getStrVal())
                .isEqualTo("http");
        Map<String, String> values = container.getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(values)
                .containsAllEntriesOf(Map.of(
                        "CLIENT_NAME",
                        "chat",
                        "CLIENT_NAMESPACE",
                        ns,
                        "CLIENT_TYPE",
                        "web",
                        "PORT",
                        "8080",
                        "CLIENT_CONFIG",
                        "/etc/client/client.json",
                        AgentEnv.MODEL_ENDPOINTS,
                        "http://gpt-model.clients-run.svc.cluster.local:8080/v1",
                        AgentEnv.LLM_MODEL,
                        "gpt",
                        AgentEnv.MCP_SERVERS,
                        "http://search-tool.clients-run.svc.cluster.local:8081/mcp",
                        "FEATURE_FLAG",
                        "beta-on"));
        assertThat(container.getEnv())
                .filteredOn(e -> e.getName().equals("AUTH_CORP_SSO_SECRET"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getValue()).isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("sso-credentials");
                    assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("client-secret");
                });
        assertThat(container.getEnv())
                .filteredOn(e -> e.getName().equals("SESSION_BACKEND_SECRET"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-key"));
        assertThat(container.getVolumeMounts())
                .extracting(m -> m.getName() + ":" + m.getMountPath())
                .containsExactly("client-config:/etc/client");
        assertThat(pod.getVolumes().getFirst().getConfigMap().getName()).isEqualTo("chat-client");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("langop.io/config-hash");

        ConfigMap config = operator.client()
                .configMaps()
                .inNamespace(ns)
                .withName("chat-client")
                .get();
        String json = config.getData().get("client.json");
        assertThat(json)
                .as("literal env values and Secrets stay out of the ConfigMap")
                .doesNotContain("beta-on")
                .doesNotContain("FEATURE_FLAG")
                .doesNotContain("secretRef");
        JsonNode settings = KubeJson.mapper().readTree(json);
        assertThat(settings.at("/models/0/endpoint").asText())
                .isEqualTo("http://gpt-model.clients-run.svc.cluster.local:8080/v1");
        assertThat(settings.at("/tools").findValuesAsText("name")).containsExactly("search");
        assertThat(settings.at("/agents").size()).isEqualTo(1);
        assertThat(settings.at("/agents/0/url").asText())
                .isEqualTo("http://helper-agent.clients-run.svc.cluster.local:8000");
        assertThat(settings.at("/agents/0/mode").asText()).isEqualTo("chat");
        assertThat(settings.at("/agents/0/displayName").asText()).isEqualTo("Helper");
        assertThat(settings.at("/authentication/providers/0/secretEnv").asText())
                .isEqualTo("AUTH_CORP_SSO_SECRET");
        assertThat(settings.at("/authentication/providers/0/config/issuer").asText())
                .isEqualTo("https://sso.example.com");
        assertThat(settings.at("/session/backendConfig/secretEnv").asText()).isEqualTo("SESSION_BACKEND_SECRET");
        assertThat(settings.at("/session/backendConfig/endpoint").asText()).isEqualTo("redis.sessions.svc:6379");

        Service service = operator.client()
                .services()
                .inNamespace(ns)
                .withName("chat-client")
                .get();
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(8080);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(operator.client()
                        .network()
                        .v1()
                        .ingresses()
                        .inNamespace(ns)
                        .withName("chat-client")
                        .get())
                .isNull();

        await().untilAsserted(() -> {
            LanguageClient current = get(ns, "chat");
            assertThat(current.getStatus().getReason()).isEqualTo("WorkloadNotAvailable");
            assertThat(current.getStatus().getUrl()).isEqualTo("http://chat-client.clients-run.svc.cluster.local:8080");
            assertThat(current.getStatus().getMessage())
                    .contains("tool inline runs as a sidecar of agents and is not offered")
                    .contains("agent batch takes no requests");
        });
        markAvailable(ns, "chat-client", 3);
        await().untilAsserted(() -> {
            LanguageClient current = get(ns, "chat");
            assertThat(current.getStatus().getPhase()).isEqualTo(ClientPhase.RUNNING);
            assertThat(current.getStatus().getReadyReplicas()).isEqualTo(3);
            assertThat(current.getStatus().getConditions())
                    .extracting(c -> c.getType() + "=" + c.getStatus())
                    .contains("Valid=True", "ReferencesResolved=True", "Ready=True");
            assertThat(current.getStatus().getObservedGeneration())
                    .isEqualTo(current.getMetadata().getGeneration());
        });
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));

        // a changed setting reaches operator.client().json and rolls the pods
        String hash = deployment
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("langop.io/config-hash");
        LanguageClient changed = get(ns, "chat");
        changed.getSpec().setAllowModelSelection(false);
        Edits.replaceSpec(operator.client(), changed);
        await().untilAsserted(() -> {
            assertThat(operator.client()
                            .configMaps()
                            .inNamespace(ns)
                            .withName("chat-client")
                            .get()
                            .getData()
                            .get("client.json"))
                    .contains("\"allowModelSelection\":false");
            assertThat(deployment(ns, "chat-client")
                            .getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getAnnotations())
                    .doesNotContainEntry("langop.io/config-hash", hash);
        });
    }

    @Test
    void ingressDisruptionBudgetAndAutoscalerFollowTheSpecAndTheAutoscalerOwnsTheReplicas() {
        String ns = "clients-scale";
        operator.client().resource(Fixtures.model(ns, "gpt")).create();
        LanguageClient chat = languageClient(ns, "web", List.of("gpt"));
        chat.getSpec().setIngress(new IngressSpec());
        chat.getSpec().getIngress().setEnabled(true);
        chat.getSpec().getIngress().setClassName("nginx");
        chat.getSpec().getIngress().setHosts(List.of("chat.example.com"));
        chat.getSpec().setTls(new ClientTls());
        chat.getSpec().getTls().setEnabled(true);
        chat.getSpec().getTls().setCertManager(true);
        chat.getSpec().getTls().setCertManagerIssuer("letsencrypt");
        chat.getSpec().setPodDisruptionBudget(new PodDisruptionBudgetSpec());
        chat.getSpec().getPodDisruptionBudget().setMinAvailable(new IntOrString(1));
        chat.getSpec().setHorizontalPodAutoscaler(new Autoscaling());
        chat.getSpec().getHorizontalPodAutoscaler().setEnabled(true);
        chat.getSpec().getHorizontalPodAutoscaler().setMinReplicas(2);
        chat.getSpec().getHorizontalPodAutoscaler().setMaxReplicas(5);
        chat.getSpec().getHorizontalPodAutoscaler().setTargetCPUUtilizationPercentage(70);
        CustomMetric rps = new CustomMetric();
        rps.setName("requests_per_second");
        rps.setType(MetricType.PODS);
        rps.setTarget("10");
        chat.getSpec().getHorizontalPodAutoscaler().setCustomMetrics(List.of(rps));
        operator.client().resource(chat).create();

        Ingress ingress = await().until(
                        () -> operator.client()
                                .network()
                                .v1()
                                .ingresses()
                                .inNamespace(ns)
                                .withName("web-client")
                                .get(),
                        i -> i != null);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("cert-manager.io/issuer", "letsencrypt");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("chat.example.com");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/");
                assertThat(path.getPathType()).isEqualTo("Prefix");
                assertThat(path.getBackend().getService().getName()).isEqualTo("web-client");
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
        });
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("chat.example.com");
            assertThat(tls.getSecretName()).isEqualTo("web-client-tls");
        });

        PodDisruptionBudget budget = await().until(() -> budget(ns, "web-client"), b -> b != null);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/kind", "LanguageClient", "app.kubernetes.io/instance", "web"));
        HorizontalPodAutoscaler hpa = await().until(() -> autoscaler(ns, "web-client"), h -> h != null);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("web-client");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
        assertThat(hpa.getSpec().getMetrics()).hasSize(2);
        assertThat(hpa.getSpec().getMetrics().getFirst().getResource().getName())
                .isEqualTo("cpu");
        assertThat(hpa.getSpec()
                        .getMetrics()
                        .getFirst()
                        .getResource()
                        .getTarget()
                        .getAverageUtilization())
                .isEqualTo(70);
        assertThat(hpa.getSpec().getMetrics().get(1).getPods().getMetric().getName())
                .isEqualTo("requests_per_second");
        assertThat(hpa.getSpec()
                        .getMetrics()
                        .get(1)
                        .getPods()
                        .getTarget()
                        .getAverageValue()
                        .toString())
                .isEqualTo("10");
        assertThat(deployment(ns, "web-client").getSpec().getReplicas())
                .as("starts at minReplicas")
                .isEqualTo(2);
        await().untilAsserted(
                        () -> assertThat(get(ns, "web").getStatus().getUrl()).isEqualTo("https://chat.example.com/"));

        // the autoscaler scales the Deployment; the operator keeps its count and writes nothing back
        Deployment scaled = deployment(ns, "web-client");
        scaled.getSpec().setReplicas(4);
        operator.client().resource(scaled).update();
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
        assertThat(deployment(ns, "web-client").getSpec().getReplicas()).isEqualTo(4);

        LanguageClient changed = get(ns, "web");
        changed.getSpec().getIngress().setEnabled(false);
        changed.getSpec().setPodDisruptionBudget(null);
        changed.getSpec().getHorizontalPodAutoscaler().setEnabled(false);
        Edits.replaceSpec(operator.client(), changed);
        await().untilAsserted(() -> {
            assertThat(operator.client()
                            .network()
                            .v1()
                            .ingresses()
                            .inNamespace(ns)
                            .withName("web-client")
                            .get())
                    .isNull();
            assertThat(budget(ns, "web-client")).isNull();
            assertThat(autoscaler(ns, "web-client")).isNull();
            assertThat(deployment(ns, "web-client").getSpec().getReplicas())
                    .as("back to the spec's count")
                    .isEqualTo(2);
            assertThat(get(ns, "web").getStatus().getUrl())
                    .isEqualTo("http://web-client.clients-scale.svc.cluster.local:8080");
        });
    }

    @Test
    void aServiceMonitorIsMadeWhereThePrometheusOperatorIsInstalledAndGoesWhenNoLongerAskedFor() {
        String ns = "clients-monitored";
        operator.client().resource(Fixtures.model(ns, "gpt")).create();
        LanguageClient chat = languageClient(ns, "watched", List.of("gpt"));
        chat.getSpec().setMonitoring(new Monitoring());
        chat.getSpec().getMonitoring().setServiceMonitor(true);
        chat.getSpec().getMonitoring().setAdditionalLabels(Map.of("release", "prometheus"));
        operator.client().resource(chat).create();

        // No Prometheus Operator yet: the client runs all the same, and its status says why it has no monitor.
        await().untilAsserted(
                        () -> assertThat(get(ns, "watched").getStatus().getMessage())
                                .contains(
                                        "monitoring.serviceMonitor needs the Prometheus Operator's CRD servicemonitors.monitoring.coreos.com"));
        assertThat(deployment(ns, "watched-client")).isNotNull();
        assertThat(monitor(ns, "watched-client")).isNull();

        operator.client().resource(Fixtures.serviceMonitorCrd()).create();
        LanguageClient changed = get(ns, "watched");
        changed.getSpec().getMonitoring().setMetricsPath("/prometheus");
        Edits.replaceSpec(operator.client(), changed);

        ServiceMonitor monitor = await().until(() -> monitor(ns, "watched-client"), m -> m != null);
        assertThat(monitor.getMetadata().getLabels())
                .containsEntry("release", "prometheus")
                .containsEntry("app.kubernetes.io/managed-by", "langop-operator");
        assertThat(monitor.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo("watched"));
        Map<String, String> selected =
                Map.of("langop.io/kind", "LanguageClient", "app.kubernetes.io/instance", "watched");
        assertThat(monitor.getSpec().selector.getMatchLabels()).isEqualTo(selected);
        assertThat(operator.client()
                        .services()
                        .inNamespace(ns)
                        .withName("watched-client")
                        .get()
                        .getMetadata()
                        .getLabels())
                .as("the Service the monitor selects")
                .containsAllEntriesOf(selected);
        assertThat(monitor.getSpec().endpoints).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.port).isEqualTo("http");
            assertThat(endpoint.path).isEqualTo("/prometheus");
        });
        await().untilAsserted(() ->
                assertThat(get(ns, "watched").getStatus().getMessage()).doesNotContain("monitor"));
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));

        changed = get(ns, "watched");
        changed.getSpec().getMonitoring().setServiceMonitor(false);
        Edits.replaceSpec(operator.client(), changed);
        await().until(() -> monitor(ns, "watched-client") == null);
    }

    @Test
    void anInvalidClientFailsWithTheReasonAndRunsNothing() {
        operator.client()
                .resource(languageClient("clients-bad", "broken", List.of()))
                .create();
        LanguageClient metrics = languageClient("clients-bad", "metrics", List.of("gpt"));
        CustomMetric vague = new CustomMetric();
        vague.setName("load");
        vague.setType(MetricType.EXTERNAL);
        vague.setTarget("lots");
        metrics.getSpec().setHorizontalPodAutoscaler(new Autoscaling());
        metrics.getSpec().getHorizontalPodAutoscaler().setEnabled(true);
        metrics.getSpec().getHorizontalPodAutoscaler().setCustomMetrics(List.of(vague));
        AuthProvider first = new AuthProvider();
        first.setName("corp-sso");
        first.setType(AuthProviderType.OIDC);
        first.setSecretRef(secretRef("a", null));
        first.setConfig(Map.of("tokenUrl", "https://sso.example.com/token", "client_secret", "s3cr3t"));
        AuthProvider second = new AuthProvider();
        second.setName("corp.sso");
        second.setType(AuthProviderType.OAUTH2);
        second.setSecretRef(secretRef("b", null));
        metrics.getSpec().setAuthentication(new Authentication());
        metrics.getSpec().getAuthentication().setProviders(List.of(first, second));
        operator.client().resource(metrics).create();

        await().untilAsserted(() -> {
            LanguageClient current = get("clients-bad", "broken");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(ClientPhase.FAILED);
            assertThat(current.getStatus().getMessage()).isEqualTo("spec.modelRefs needs at least one model");
        });
        await().untilAsserted(() -> {
            LanguageClient current = get("clients-bad", "metrics");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(ClientPhase.FAILED);
            assertThat(current.getStatus().getMessage())
                    .contains("authentication providers 'corp-sso' and 'corp.sso' both map to AUTH_CORP_SSO_SECRET")
                    .contains("spec.horizontalPodAutoscaler.customMetrics 'load' needs a type and a target quantity")
                    .contains("authentication provider 'corp-sso': config.client_secret looks like a credential")
                    .doesNotContain("tokenUrl")
                    .doesNotContain("s3cr3t");
        });
        assertThat(operator.client()
                        .apps()
                        .deployments()
                        .inNamespace("clients-bad")
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(operator.client()
                        .configMaps()
                        .inNamespace("clients-bad")
                        .list()
                        .getItems())
                .isEmpty();
    }

    @Test
    void aRefusedDeploymentIsInTheStatusUntilItGoesThrough() {
        String ns = "clients-refused";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        try (var refusal = ReconcileFailures.refuseCreating(operator.api(), ns, "deployments")) {
            operator.client().resource(languageClient(ns, "chat", List.of("m"))).create();
            var condition = ReconcileFailures.awaitRecorded(operator.client(), LanguageClient.class, ns, "chat");
            assertThat(condition.getMessage()).startsWith("deployment: API server answered 403 for deployments: ");
            assertThat(deployment(ns, "chat-client")).isNull();
        }
        ReconcileFailures.awaitCleared(operator.client(), LanguageClient.class, ns, "chat");
        assertThat(deployment(ns, "chat-client")).isNotNull();
    }

    private static LanguageClient languageClient(String ns, String name, List<String> models) {
        LanguageClient languageClient = new LanguageClient();
        languageClient.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(ns).build());
        languageClient.setSpec(new LanguageClientSpec());
        languageClient.getSpec().setImage("ghcr.io/langop/chat:1");
        languageClient
                .getSpec()
                .setModelRefs(models.stream()
                        .map(m -> {
                            ModelReference ref = new ModelReference();
                            ref.setName(m);
                            return ref;
                        })
                        .toList());
        return languageClient;
    }

    private static ToolReference toolRef(String name) {
        ToolReference ref = new ToolReference();
        ref.setName(name);
        return ref;
    }

    private static AgentReference agentRef(String name, String displayName) {
        AgentReference ref = new AgentReference();
        ref.setName(name);
        ref.setDisplayName(displayName);
        return ref;
    }

    private static SecretKeyReference secretRef(String name, String key) {
        SecretKeyReference ref = new SecretKeyReference();
        ref.setName(name);
        ref.setKey(key);
        return ref;
    }

    private static void markAvailable(String ns, String name, int replicas) {
        Deployment deployment = deployment(ns, name);
        deployment.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(replicas)
                .withReadyReplicas(replicas)
                .withAvailableReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .build());
        operator.client().resource(deployment).updateStatus();
    }

    private static LanguageClient get(String ns, String name) {
        return operator.client()
                .resources(LanguageClient.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static ServiceMonitor monitor(String ns, String name) {
        return operator.client()
                .resources(ServiceMonitor.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static Deployment deployment(String ns, String name) {
        return operator.client()
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static PodDisruptionBudget budget(String ns, String name) {
        return operator.client()
                .policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static HorizontalPodAutoscaler autoscaler(String ns, String name) {
        return operator.client()
                .autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(ns)
                .withName(name)
                .get();
    }
}
