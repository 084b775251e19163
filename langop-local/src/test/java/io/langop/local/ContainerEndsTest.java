package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.langop.wire.AgentEnv;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container that ends, in its pod's status as a kubelet writes it: the exit status, the reason and the termination
 * message of its last end ({@code lastState.terminated} while it backs off, {@code state.terminated} when it stays
 * ended), so that what the operator tells of a crash — the agent's {@code Ready} condition, a rollback's failure —
 * says why here as in a cluster. Real agent runtimes, one crashing at start, one whose run fails.
 */
class ContainerEndsTest {

    private static final String NAMESPACE = "crashes";
    private static final String CRASHING_AT_START = """
            import io.langop.sdk.agent.AgentDefinition;
            import io.langop.sdk.agent.LangopAgent;

            public class Agent implements LangopAgent {
                @Override
                public AgentDefinition define() {
                    throw new IllegalStateException("no digest language configured");
                }
            }
            """;
    private static final String FAILING_WITH_A_MESSAGE = """
            import io.langop.sdk.agent.AgentDefinition;
            import io.langop.sdk.agent.LangopAgent;
            import io.langop.sdk.agent.Workspace;

            public class Agent implements LangopAgent {
                @Override
                public AgentDefinition define() {
                    return AgentDefinition.builder("report")
                            .schedule("0 * * * *")
                            .objective("Mail the report")
                            .workflow(w -> w.step("mail", s -> s.custom(r -> {
                                Workspace.current().write("termination-log", "the mail server refused the login");
                                throw new IllegalStateException("535 authentication failed");
                            })))
                            .build();
                }
            }
            """;

    private KubernetesMockServer apiServer;
    private KubernetesClient client;
    private PodRunner runner;

    @BeforeEach
    void start(@TempDir Path work) {
        apiServer = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        apiServer.init();
        client = apiServer.createClient();
        runner = new PodRunner(client, work, PodListener.NONE, EnvironmentOverrides.NONE);
    }

    @AfterEach
    void stop() {
        runner.close();
        client.close();
        apiServer.destroy();
    }

    @Test
    void aCrashingContainersLastEndAndAFailedRunsMessageFileAreInThePodsStatus() {
        code("crash-code", CRASHING_AT_START);
        client.resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("crash")
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewSelector()
                        .addToMatchLabels("app", "crash")
                        .endSelector()
                        .withTemplate(agentPod("crash", "crash-code", null))
                        .endSpec()
                        .build())
                .create();
        code("report-code", FAILING_WITH_A_MESSAGE);
        client.resource(new JobBuilder()
                        .withNewMetadata()
                        .withName("report")
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withNewSpec()
                        .withBackoffLimit(0)
                        .withTemplate(agentPod("report", "report-code", "/workspace/termination-log"))
                        .endSpec()
                        .build())
                .create();

        ContainerStatus crashing = await("the crashing container backs off")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> agentStatus("crash"),
                        status -> status.filter(ContainerEndsTest::backingOff).isPresent())
                .orElseThrow();
        assertThat(crashing.getLastState().getTerminated()).satisfies(end -> {
            assertThat(end.getMessage())
                    .as("its log's end, as FallbackToLogsOnError makes it, this run's only")
                    .contains("no digest language configured")
                    .doesNotContain("=== ");
            assertThat(end.getExitCode()).as("an invalid agent").isEqualTo(3);
            assertThat(end.getReason()).isEqualTo("Error");
            assertThat(end.getFinishedAt()).isNotNull();
        });

        ContainerStatus failed = await("the Job's run ends")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> agentStatus("report"),
                        status -> status.filter(s -> s.getState().getTerminated() != null)
                                .isPresent())
                .orElseThrow();
        assertThat(failed.getState().getTerminated()).satisfies(end -> {
            assertThat(end.getMessage())
                    .as("the file the container names, not its log")
                    .isEqualTo("the mail server refused the login");
            assertThat(end.getExitCode()).as("a failed run").isEqualTo(1);
            assertThat(end.getReason()).isEqualTo("Error");
        });
        assertThat(failed.getLastState()).as("it ended once").isNull();
    }

    private static boolean backingOff(ContainerStatus status) {
        return status.getState().getWaiting() != null
                && "CrashLoopBackOff".equals(status.getState().getWaiting().getReason());
    }

    private Optional<ContainerStatus> agentStatus(String app) {
        return client.pods().inNamespace(NAMESPACE).withLabel("app", app).list().getItems().stream()
                .map(Pod::getStatus)
                .filter(status -> status != null && status.getContainerStatuses() != null)
                .flatMap(status -> status.getContainerStatuses().stream())
                .filter(status -> status.getName().equals("agent"))
                .findFirst();
    }

    private void code(String name, String source) {
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withData(Map.of("Agent.java", source))
                        .build())
                .create();
    }

    /** The agent runtime with its code from {@code codeMap} and a workspace, its log as its message on failure. */
    private static PodTemplateSpec agentPod(String app, String codeMap, String messagePath) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .addToLabels("app", app)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy(messagePath == null ? "Always" : "Never")
                .addNewVolume()
                .withName("code")
                .withNewConfigMap()
                .withName(codeMap)
                .endConfigMap()
                .endVolume()
                .addNewVolume()
                .withName("workspace")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .addNewContainer()
                .withName("agent")
                .withImage("ghcr.io/langop/langop-agent:test")
                .addNewEnv()
                .withName(AgentEnv.AGENT_CODE_PATH)
                .withValue("/etc/agent/code/Agent.java")
                .endEnv()
                .addNewEnv()
                // no run here asks the model: nothing needs to listen there
                .withName(AgentEnv.MODEL_ENDPOINTS)
                .withValue("http://127.0.0.1:9/v1")
                .endEnv()
                .addNewEnv()
                .withName(AgentEnv.WORKSPACE_PATH)
                .withValue("/workspace")
                .endEnv()
                .addNewVolumeMount()
                .withName("code")
                .withMountPath("/etc/agent/code")
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("workspace")
                .withMountPath("/workspace")
                .endVolumeMount()
                .withTerminationMessagePath(messagePath)
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .endContainer()
                .endSpec()
                .build();
    }
}
