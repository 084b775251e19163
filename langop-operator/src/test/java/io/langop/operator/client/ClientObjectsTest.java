package io.langop.operator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.langop.api.clientconfig.ClientConfig;
import io.langop.api.v1alpha1.LogLevel;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.SafetyConfig;
import io.langop.api.v1alpha1.client.AuthProvider;
import io.langop.api.v1alpha1.client.AuthProviderType;
import io.langop.api.v1alpha1.client.Authentication;
import io.langop.api.v1alpha1.client.Autoscaling;
import io.langop.api.v1alpha1.client.ClientLogging;
import io.langop.api.v1alpha1.client.ClientTls;
import io.langop.api.v1alpha1.client.ContentModeration;
import io.langop.api.v1alpha1.client.CustomFilter;
import io.langop.api.v1alpha1.client.IngressSpec;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.api.v1alpha1.client.LogFormat;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.agent.Fixtures;
import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A client's ConfigMap, Deployment, Service and Ingress, built from a plan without a cluster. */
class ClientObjectsTest {

    private static final Map<String, String> SELECTOR =
            Map.of("langop.io/kind", "LanguageClient", "app.kubernetes.io/instance", "chat");

    @Test
    void theSettingsFileNamesTheModelsAndToolsThePodIsToldAbout() {
        ClientPlan plan = plan(chat());

        ConfigMap configMap = ClientConfigMap.of(plan);
        Container container = container(ClientDeployment.of(plan, null));

        assertThat(configMap.getMetadata().getName()).isEqualTo("chat-client");
        assertThat(configMap.getData()).containsOnlyKeys("client.json");
        assertThat(configMap.getData().get("client.json")).contains("\"name\":\"chat\"", "\"port\":8080");
        assertThat(env(container))
                .containsEntry("CLIENT_CONFIG", "/etc/client/client.json")
                .containsEntry(AgentEnv.MODEL_ENDPOINTS, "http://qwen-model.apps.svc.cluster.local:8080/v1")
                .containsEntry(AgentEnv.LLM_MODEL, "qwen")
                .containsEntry(AgentEnv.MCP_SERVERS, "http://web-tool.apps.svc.cluster.local:8080/mcp");
        assertThat(container.getVolumeMounts())
                .extracting(mount -> mount.getName() + ":" + mount.getMountPath())
                .containsExactly("client-config:/etc/client");
    }

    @Test
    void newSettingsRollThePodsThroughTheirHash() {
        LanguageClient client = chat();
        String before = configHash(ClientDeployment.of(plan(client), null));
        client.getSpec().setAllowModelSelection(false);

        assertThat(configHash(ClientDeployment.of(plan(client), null)))
                .hasSize(64)
                .isNotEqualTo(before);
    }

    @Test
    void theDeploymentRunsTwoReplicasUnlessAnAutoscalerOwnsTheCount() {
        LanguageClient client = chat();
        assertThat(ClientDeployment.of(plan(client), null).getSpec().getReplicas())
                .isEqualTo(2);

        client.getSpec().setHorizontalPodAutoscaler(new Autoscaling());
        client.getSpec().getHorizontalPodAutoscaler().setEnabled(true);
        Deployment scaled =
                new DeploymentBuilder().withNewSpec().withReplicas(7).endSpec().build();

        Deployment deployment = ClientDeployment.of(plan(client), scaled);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(7);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(SELECTOR);
    }

    @Test
    void theLoggingOfTheSpecReachesThePodAsTheVariablesEveryLangopProcessReads() {
        LanguageClient client = chat();
        assertThat(env(container(ClientDeployment.of(plan(client), null))))
                .doesNotContainKeys(ServiceWire.LOG_LEVEL_ENV, ServiceWire.LOG_FORMAT_ENV);
        client.getSpec().setLogging(new ClientLogging());
        client.getSpec().getLogging().setLevel(LogLevel.WARN);
        client.getSpec().getLogging().setFormat(LogFormat.JSON);

        assertThat(env(container(ClientDeployment.of(plan(client), null))))
                .containsEntry(ServiceWire.LOG_LEVEL_ENV, "warn")
                .containsEntry(ServiceWire.LOG_FORMAT_ENV, "json");
    }

    @Test
    void aClientServingTlsMountsItsCertificateAndIsToldWhereItIs() {
        LanguageClient client = chat();
        client.getSpec().setTls(new ClientTls());
        client.getSpec().getTls().setEnabled(true);
        client.getSpec().getTls().setSecretRef(new LocalObjectReference("chat-cert"));

        Deployment deployment = ClientDeployment.of(plan(client), null);

        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(volume -> volume.getName().equals("client-tls"))
                .singleElement()
                .satisfies(
                        volume -> assertThat(volume.getSecret().getSecretName()).isEqualTo("chat-cert"));
        assertThat(env(container(deployment)))
                .containsEntry("TLS_CERT_FILE", "/etc/client/tls/tls.crt")
                .containsEntry("TLS_KEY_FILE", "/etc/client/tls/tls.key");
    }

    @Test
    void theServiceExposesTheClientsPortToItsPods() {
        Service service = ClientService.of(chat());

        assertThat(service.getMetadata().getName()).isEqualTo("chat-client");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector()).isEqualTo(SELECTOR);
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(8080);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    @Test
    void theIngressRoutesEveryHostToTheServiceWithCertManagersCertificate() {
        LanguageClient client = chat();
        client.getSpec().setIngress(new IngressSpec());
        client.getSpec().getIngress().setEnabled(true);
        client.getSpec().getIngress().setClassName("nginx");
        client.getSpec().getIngress().setHosts(List.of("chat.example.com", "chat.example.org"));
        client.getSpec().setTls(new ClientTls());
        client.getSpec().getTls().setEnabled(true);
        client.getSpec().getTls().setCertManager(true);
        client.getSpec().getTls().setCertManagerIssuer("letsencrypt");

        Ingress ingress = ClientIngress.of(client);

        assertThat(ingress.getMetadata().getName()).isEqualTo("chat-client");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("cert-manager.io/issuer", "letsencrypt");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getRules())
                .extracting(rule -> rule.getHost() + " "
                        + rule.getHttp().getPaths().getFirst().getPath() + " "
                        + rule.getHttp().getPaths().getFirst().getPathType() + " -> "
                        + rule.getHttp()
                                .getPaths()
                                .getFirst()
                                .getBackend()
                                .getService()
                                .getName() + ":"
                        + rule.getHttp()
                                .getPaths()
                                .getFirst()
                                .getBackend()
                                .getService()
                                .getPort()
                                .getName())
                .containsExactly(
                        "chat.example.com / Prefix -> chat-client:http",
                        "chat.example.org / Prefix -> chat-client:http");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("chat.example.com", "chat.example.org");
            assertThat(tls.getSecretName()).isEqualTo("chat-client-tls");
        });
    }

    @Test
    void aClientWithoutAnImageRunsTheConsoleReadyWhenItsReadinessEndpointSaysSo() {
        LanguageClient client = chat();
        client.getSpec().setImage(null);

        Container container = container(ClientDeployment.of(plan(client), null));

        assertThat(container.getImage()).isEqualTo("ghcr.io/langop/langop-console:latest");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("http");
        assertThat(container(ClientDeployment.of(plan(chat()), null))
                        .getReadinessProbe()
                        .getTcpSocket())
                .as("another image's readiness is its open port")
                .isNotNull();
    }

    @Test
    void theSettingsFileReadsBackAsTheTypeTheConsoleReadsItWith() throws Exception {
        LanguageClient client = chat();
        AuthProvider keys = new AuthProvider();
        keys.setName("team-keys");
        keys.setType(AuthProviderType.API_KEY);
        SecretKeyReference secret = new SecretKeyReference();
        secret.setName("chat-keys");
        keys.setSecretRef(secret);
        Authentication authentication = new Authentication();
        authentication.setEnabled(true);
        authentication.setProviders(List.of(keys));
        client.getSpec().setAuthentication(authentication);
        LanguageAgent agent = Fixtures.agent("apps", "helpdesk", "qwen");
        agent.getSpec().setExecutionMode(ExecutionMode.INTERACTIVE);
        ClientPlan plan = new ClientPlan(
                client, List.of(Fixtures.model("apps", "qwen")), List.of(), List.of(agent), null, List.of());

        ClientConfig read =
                new ObjectMapper().readValue(ClientConfigMap.of(plan).getData().get("client.json"), ClientConfig.class);

        assertThat(read.models())
                .containsExactly(new ClientConfig.Model("qwen", "http://qwen-model.apps.svc.cluster.local:8080/v1"));
        assertThat(read.agents()).singleElement().satisfies(entry -> {
            assertThat(entry.mode()).isEqualTo(ClientConfig.AgentMode.CHAT);
            assertThat(entry.url()).isEqualTo("http://helpdesk-agent.apps.svc.cluster.local:8000");
        });
        assertThat(read.authentication().providers())
                .containsExactly(new ClientConfig.Provider(
                        "team-keys", AuthProviderType.API_KEY, null, "AUTH_TEAM_KEYS_SECRET", null));
    }

    @Test
    void theConsoleGetsTheApprovalTokenOfAnAgentFromItsSecretAndTheSettingsNameTheVariable() throws Exception {
        LanguageAgent gated = Fixtures.agent("apps", "help-desk", "qwen");
        gated.getSpec().setExecutionMode(ExecutionMode.INTERACTIVE);
        SafetyConfig safety = new SafetyConfig();
        safety.setRequireApprovalFor(List.of("send_email"));
        SecretKeyReference token = new SecretKeyReference();
        token.setName("helpdesk-approvals");
        token.setKey("token");
        safety.setApprovalTokenSecretRef(token);
        gated.getSpec().setSafetyConfig(safety);
        LanguageAgent open = Fixtures.agent("apps", "faq", "qwen");
        open.getSpec().setExecutionMode(ExecutionMode.INTERACTIVE);
        ClientPlan plan = new ClientPlan(
                chat(), List.of(Fixtures.model("apps", "qwen")), List.of(), List.of(gated, open), null, List.of());

        ClientConfig read =
                new ObjectMapper().readValue(ClientConfigMap.of(plan).getData().get("client.json"), ClientConfig.class);
        List<EnvVar> env = container(ClientDeployment.of(plan, null)).getEnv();

        assertThat(read.agents())
                .extracting(ClientConfig.Agent::name, ClientConfig.Agent::approvalTokenEnv)
                .containsExactly(tuple("help-desk", "AGENT_HELP_DESK_APPROVAL_TOKEN"), tuple("faq", null));
        assertThat(env)
                .filteredOn(variable -> variable.getName().endsWith("_APPROVAL_TOKEN"))
                .singleElement()
                .satisfies(variable -> {
                    assertThat(variable.getName()).isEqualTo("AGENT_HELP_DESK_APPROVAL_TOKEN");
                    assertThat(variable.getValue()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName())
                            .isEqualTo("helpdesk-approvals");
                    assertThat(variable.getValueFrom().getSecretKeyRef().getKey())
                            .isEqualTo("token");
                });
    }

    @Test
    void aModerationFilterThatIsNoRegularExpressionMakesTheSpecInvalid() {
        LanguageClient client = chat();
        CustomFilter broken = new CustomFilter();
        broken.setName("secrets");
        broken.setPattern("(root password");
        client.getSpec().setContentModeration(new ContentModeration());
        client.getSpec().getContentModeration().setCustomFilters(List.of(broken));

        assertThat(LanguageClientReconciler.problems(client.getSpec()))
                .singleElement()
                .asString()
                .startsWith("spec.contentModeration.customFilters 'secrets': the pattern is not a regular expression");
    }

    private static LanguageClient chat() {
        LanguageClient client = new LanguageClient();
        client.setMetadata(new ObjectMetaBuilder()
                .withName("chat")
                .withNamespace("apps")
                .withUid("5e1f-client")
                .build());
        client.setSpec(new LanguageClientSpec());
        client.getSpec().setImage("ghcr.io/langop/chat:1");
        ModelReference ref = new ModelReference();
        ref.setName("qwen");
        client.getSpec().setModelRefs(List.of(ref));
        return client;
    }

    private static ClientPlan plan(LanguageClient client) {
        List<LanguageModel> models = List.of(Fixtures.model("apps", "qwen"));
        List<LanguageTool> tools = List.of(Fixtures.tool("apps", "web", DeploymentMode.SERVICE, 8080));
        return new ClientPlan(client, models, tools, List.of(), null, List.of());
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static String configHash(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("langop.io/config-hash");
    }
}
