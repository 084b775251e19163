package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.langop.wire.AgentEnv;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a pod's environment is resolved and translated to this machine. */
class PodEnvironmentTest {

    private KubernetesMockServer api;
    private KubernetesClient client;
    private ServiceRouter router;
    private PodEnvironment environment;

    @BeforeEach
    void start() {
        api = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        api.init();
        client = api.createClient();
        router = new ServiceRouter(client, (namespace, selector, port) -> Optional.empty());
        environment = new PodEnvironment(client, router, EnvironmentOverrides.NONE);
    }

    @AfterEach
    void stop() {
        router.close();
        client.close();
        api.destroy();
    }

    @Test
    void secretReferencesResolveAndAMissingSecretIsWaitedFor() throws Exception {
        Container container = new ContainerBuilder()
                .withName("tool")
                .addNewEnv()
                .withName("SMTP_PASSWORD")
                .withNewValueFrom()
                .withNewSecretKeyRef("password", "smtp", false)
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("POD")
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("metadata.name")
                .endFieldRef()
                .endValueFrom()
                .endEnv()
                .build();

        assertThatThrownBy(() -> environment.resolve("mail", "pod-1", container))
                .isInstanceOf(MissingObjectException.class)
                .hasMessage("Secret mail/smtp (key password); create it, e.g. "
                        + "kubectl -n mail create secret generic smtp --from-literal=password=VALUE");

        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("smtp")
                        .withNamespace("mail")
                        .endMetadata()
                        .addToStringData("password", "s3cret")
                        .build())
                .create();
        assertThat(environment.resolve("mail", "pod-1", container))
                .containsEntry("SMTP_PASSWORD", "s3cret")
                .containsEntry("POD", "pod-1");
    }

    @Test
    void mountPathsPodPortsAndServiceUrlsBecomeLocal() {
        client.resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("search")
                        .withNamespace("team")
                        .endMetadata()
                        .withNewSpec()
                        .addToSelector("app", "search")
                        .addNewPort()
                        .withPort(80)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        Map<String, String> env = Map.of(
                AgentEnv.AGENT_CODE_PATH,
                "/etc/agent/code/Agent.java",
                AgentEnv.MCP_SERVERS,
                "http://localhost:8080/mcp,http://web-tool.team.svc.cluster.local:8080/mcp",
                "SEARCH",
                "http://search/api",
                "EXTERNAL",
                "https://example.com:8443/v1");

        Map<String, String> local = environment.localize(
                "team", env, Map.of("/etc/agent/code", Path.of("/tmp/pod/code")), Map.of(8080, 41000));

        int webTool = router.localPort("team", "web-tool", 8080);
        int search = router.localPort("team", "search", 80);
        assertThat(local)
                .containsEntry(AgentEnv.AGENT_CODE_PATH, "/tmp/pod/code/Agent.java")
                .containsEntry(AgentEnv.MCP_SERVERS, "http://127.0.0.1:41000/mcp,http://127.0.0.1:" + webTool + "/mcp")
                .containsEntry("SEARCH", "http://127.0.0.1:" + search + "/api")
                .containsEntry("EXTERNAL", "https://example.com:8443/v1");
    }

    @Test
    void serviceUrlsInAMountedFileBecomeLocalAndPodLocalUrlsStay() {
        String clientJson = "{\"agents\":[{\"url\":\"http://helpdesk-agent.team.svc.cluster.local:8000\"}],"
                + "\"sidecar\":\"http://localhost:9090/mcp\"}";

        String local = environment.serviceUrls("team", clientJson);

        int agent = router.localPort("team", "helpdesk-agent", 8000);
        assertThat(local)
                .isEqualTo("{\"agents\":[{\"url\":\"http://127.0.0.1:" + agent + "\"}],"
                        + "\"sidecar\":\"http://localhost:9090/mcp\"}");
    }
}
