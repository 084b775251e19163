package io.langop.operator.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.langop.api.v1alpha1.PodDisruptionBudgetSpec;
import io.langop.api.v1alpha1.ServiceType;
import io.langop.api.v1alpha1.client.Autoscaling;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.api.v1alpha1.tool.ToolPhase;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.ReconcileFailures;
import io.langop.operator.harness.ServiceMap;
import io.langop.sdk.mcp.TestMcpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LanguageToolReconcilerTest {

    /** One MCP server answers for every tool here: its catalog is listed, and a sidecar's catalog pod goes. */
    private static final TestMcpServer TOOL_SERVER =
            TestMcpServer.start(TestMcpServer.TestTool.of("echo", "text", args -> ""));

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults()
            .reaching(new ServiceMap()
                    .serve("tools-service", "web-tool", TOOL_SERVER.url())
                    .serve("tools-sidecar", "email-tool", TOOL_SERVER.url())
                    .serve("tools-pdb", "search-tool", TOOL_SERVER.url()));

    @AfterAll
    static void stopToolServer() {
        TOOL_SERVER.close();
    }

    @Test
    void aServiceModeToolGetsADeploymentAServiceAndAnEndpoint() {
        String ns = "tools-service";
        LanguageTool tool = Fixtures.tool(ns, "web", DeploymentMode.SERVICE, 8081);
        tool.getSpec().setReplicas(2);
        tool.getSpec().setServiceType(ServiceType.NODE_PORT);
        tool.getSpec().setServiceAnnotations(Map.of("team", "search"));
        tool.getSpec()
                .setEnv(List.of(new EnvVarBuilder()
                        .withName("SEARCH_PROVIDER")
                        .withValue("duckduckgo")
                        .build()));
        operator.client().resource(tool).create();

        Deployment deployment = await().until(() -> deployment(ns, "web-tool"), d -> d != null);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/kind", "LanguageTool", "app.kubernetes.io/instance", "web"));
        Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getName()).isEqualTo("tool");
        assertThat(container.getImage()).isEqualTo("ghcr.io/langop/langop-tool-web:test");
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("mcp");
            assertThat(p.getContainerPort()).isEqualTo(8081);
        });
        assertThat(container.getReadinessProbe().getTcpSocket().getPort().getStrVal())
                .isEqualTo("mcp");
        assertThat(container.getEnv())
                .extracting(e -> e.getName() + "=" + e.getValue())
                .containsExactly("PORT=8081", "SEARCH_PROVIDER=duckduckgo");
        assertThat(deployment.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("web"));

        Service service = operator.client()
                .services()
                .inNamespace(ns)
                .withName("web-tool")
                .get();
        assertThat(service.getSpec().getType()).isEqualTo("NodePort");
        assertThat(service.getMetadata().getAnnotations()).containsEntry("team", "search");
        assertThat(service.getSpec().getSelector())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(8081);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("mcp");
        });
        assertThat(operator.client()
                        .network()
                        .networkPolicies()
                        .inNamespace(ns)
                        .withName("web-tool")
                        .get())
                .isNotNull();

        await().untilAsserted(() -> {
            LanguageTool current = get(ns, "web");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(ToolPhase.PENDING);
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getEndpoint())
                    .isEqualTo("http://web-tool.tools-service.svc.cluster.local:8081/mcp");
        });
        deployment.setStatus(new DeploymentStatusBuilder()
                .withReplicas(2)
                .withReadyReplicas(2)
                .withAvailableReplicas(2)
                .withUpdatedReplicas(2)
                .build());
        operator.client().resource(deployment).updateStatus();
        await().untilAsserted(() -> {
            LanguageTool current = get(ns, "web");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(ToolPhase.RUNNING);
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getReadyReplicas()).isEqualTo(2);
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getConditions())
                    .extracting(c -> c.getType() + "=" + c.getStatus())
                    .containsExactlyInAnyOrder("Ready=True", "ToolsListed=True");
        });
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
    }

    @Test
    void aSidecarToolHasNoWorkloadOfItsOwnAndNamesTheAgentsCarryingIt() {
        String ns = "tools-sidecar";
        operator.client()
                .resource(Fixtures.tool(ns, "email", DeploymentMode.SERVICE, 8080))
                .create();
        await().until(() -> deployment(ns, "email-tool") != null);

        LanguageTool tool = get(ns, "email");
        tool.getSpec().setDeploymentMode(DeploymentMode.SIDECAR);
        Edits.replaceSpec(operator.client(), tool);
        await().until(() -> deployment(ns, "email-tool") == null
                && operator.client()
                                .services()
                                .inNamespace(ns)
                                .withName("email-tool")
                                .get()
                        == null
                && operator.client()
                                .network()
                                .networkPolicies()
                                .inNamespace(ns)
                                .withName("email-tool")
                                .get()
                        == null);

        operator.client().resource(Fixtures.model(ns, "m")).create();
        operator.client().resource(Fixtures.agent(ns, "mailer", "m", "email")).create();
        await().untilAsserted(() -> {
            LanguageTool current = get(ns, "email");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(ToolPhase.RUNNING);
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getEndpoint()).isEqualTo("http://localhost:8080/mcp");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getSidecarAgents()).containsExactly("tools-sidecar/mailer");
        });
    }

    @Test
    void aDisruptionBudgetFollowsTheSpecAndGoesWithItOrWithSidecarMode() {
        String ns = "tools-pdb";
        LanguageTool tool = Fixtures.tool(ns, "search", DeploymentMode.SERVICE, 8080);
        tool.getSpec().setPodDisruptionBudget(new PodDisruptionBudgetSpec());
        tool.getSpec().getPodDisruptionBudget().setMinAvailable(new IntOrString(1));
        operator.client().resource(tool).create();

        PodDisruptionBudget budget = await().until(() -> budget(ns, "search-tool"), b -> b != null);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getMaxUnavailable()).isNull();
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/kind", "LanguageTool", "app.kubernetes.io/instance", "search"));
        assertThat(budget.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getKind()).isEqualTo("LanguageTool");
            assertThat(o.getController()).isTrue();
        });
        await().until(() -> get(ns, "search").getStatus() != null);
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));

        tool = get(ns, "search");
        tool.getSpec().getPodDisruptionBudget().setMinAvailable(null);
        tool.getSpec().getPodDisruptionBudget().setMaxUnavailable(new IntOrString("25%"));
        Edits.replaceSpec(operator.client(), tool);
        await().untilAsserted(() -> {
            PodDisruptionBudget updated = budget(ns, "search-tool");
            assertThat(updated.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString("25%"));
            assertThat(updated.getSpec().getMinAvailable()).isNull();
        });

        tool = get(ns, "search");
        tool.getSpec().setPodDisruptionBudget(null);
        Edits.replaceSpec(operator.client(), tool);
        await().until(() -> budget(ns, "search-tool") == null);

        tool = get(ns, "search");
        tool.getSpec().setPodDisruptionBudget(new PodDisruptionBudgetSpec());
        tool.getSpec().getPodDisruptionBudget().setMaxUnavailable(new IntOrString(1));
        Edits.replaceSpec(operator.client(), tool);
        await().until(() -> budget(ns, "search-tool") != null);
        tool = get(ns, "search");
        tool.getSpec().setDeploymentMode(DeploymentMode.SIDECAR);
        Edits.replaceSpec(operator.client(), tool);
        await().until(() -> budget(ns, "search-tool") == null && deployment(ns, "search-tool") == null);
    }

    @Test
    void anAutoscalerFollowsTheSpecAndOwnsTheReplicasWhileItIsEnabled() {
        String ns = "tools-hpa";
        LanguageTool tool = Fixtures.tool(ns, "search", DeploymentMode.SERVICE, 8080);
        tool.getSpec().setReplicas(1);
        tool.getSpec().setHorizontalPodAutoscaler(new Autoscaling());
        tool.getSpec().getHorizontalPodAutoscaler().setEnabled(true);
        tool.getSpec().getHorizontalPodAutoscaler().setMinReplicas(2);
        tool.getSpec().getHorizontalPodAutoscaler().setMaxReplicas(6);
        tool.getSpec().getHorizontalPodAutoscaler().setTargetCPUUtilizationPercentage(70);
        operator.client().resource(tool).create();

        HorizontalPodAutoscaler hpa = await().until(() -> autoscaler(ns, "search-tool"), h -> h != null);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("search-tool");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
        assertThat(hpa.getSpec().getMetrics())
                .singleElement()
                .satisfies(metric -> assertThat(metric.getResource().getTarget().getAverageUtilization())
                        .isEqualTo(70));
        await().untilAsserted(
                        () -> assertThat(deployment(ns, "search-tool").getSpec().getReplicas())
                                .as("starts at minReplicas")
                                .isEqualTo(2));
        await().until(() -> get(ns, "search").getStatus() != null);

        // the autoscaler scales the Deployment; the operator keeps its count and writes nothing back
        Deployment scaled = deployment(ns, "search-tool");
        scaled.getSpec().setReplicas(5);
        operator.client().resource(scaled).update();
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
        assertThat(deployment(ns, "search-tool").getSpec().getReplicas()).isEqualTo(5);

        LanguageTool changed = get(ns, "search");
        changed.getSpec().getHorizontalPodAutoscaler().setEnabled(false);
        Edits.replaceSpec(operator.client(), changed);
        await().untilAsserted(() -> {
            assertThat(autoscaler(ns, "search-tool")).isNull();
            assertThat(deployment(ns, "search-tool").getSpec().getReplicas())
                    .as("back to the spec's count")
                    .isEqualTo(1);
        });
    }

    @Test
    void aRefusedDeploymentIsInTheStatusUntilItGoesThrough() {
        String ns = "tools-refused";
        try (var refusal = ReconcileFailures.refuseCreating(operator.api(), ns, "deployments")) {
            operator.client()
                    .resource(Fixtures.tool(ns, "web", DeploymentMode.SERVICE, 8080))
                    .create();
            var condition = ReconcileFailures.awaitRecorded(operator.client(), LanguageTool.class, ns, "web");
            assertThat(condition.getMessage()).startsWith("deployment: API server answered 403 for deployments: ");
            assertThat(deployment(ns, "web-tool")).isNull();
        }
        ReconcileFailures.awaitCleared(operator.client(), LanguageTool.class, ns, "web");
        assertThat(deployment(ns, "web-tool")).isNotNull();
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

    private static PodDisruptionBudget budget(String ns, String name) {
        return operator.client()
                .policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static LanguageTool get(String ns, String name) {
        return operator.client()
                .resources(LanguageTool.class)
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
}
