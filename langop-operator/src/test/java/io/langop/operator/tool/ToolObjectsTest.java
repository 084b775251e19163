package io.langop.operator.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.langop.api.v1alpha1.ImagePullPolicy;
import io.langop.api.v1alpha1.ServiceType;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.agent.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service-mode tool's Deployment and Service, built without a cluster. */
class ToolObjectsTest {

    private static final Map<String, String> SELECTOR =
            Map.of("langop.io/kind", "LanguageTool", "app.kubernetes.io/instance", "web");

    @Test
    void theDeploymentRunsTheToolServerOnItsPortReadyOnceItAcceptsConnections() {
        LanguageTool tool = Fixtures.tool("tools", "web", DeploymentMode.SERVICE, 8081);
        tool.getSpec().setReplicas(2);
        tool.getSpec().setImagePullPolicy(ImagePullPolicy.ALWAYS);
        tool.getSpec().setPodLabels(Map.of("team", "search", "langop.io/kind", "spoofed"));
        tool.getSpec().setPodAnnotations(Map.of("prometheus.io/scrape", "true"));

        Deployment deployment = ToolDeployment.of(tool, null, List.of());

        assertThat(deployment.getMetadata().getName()).isEqualTo("web-tool");
        assertThat(deployment.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("LanguageTool"));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(SELECTOR);
        var template = deployment.getSpec().getTemplate();
        assertThat(template.getMetadata().getLabels())
                .containsAllEntriesOf(SELECTOR)
                .containsEntry("team", "search");
        assertThat(template.getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true");
        Container container = template.getSpec().getContainers().getFirst();
        assertThat(container.getName()).isEqualTo("tool");
        assertThat(container.getImage()).isEqualTo("ghcr.io/langop/langop-tool-web:test");
        assertThat(container.getImagePullPolicy()).isEqualTo("Always");
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("mcp");
            assertThat(port.getContainerPort()).isEqualTo(8081);
        });
        // every tool server listens on PORT; without it each would take 8080
        assertThat(container.getEnv())
                .extracting(variable -> variable.getName() + "=" + variable.getValue())
                .containsExactly("PORT=8081");
        assertThat(container.getReadinessProbe().getTcpSocket().getPort().getStrVal())
                .isEqualTo("mcp");
    }

    @Test
    void theUsersPortVariableAndProbeWinOverTheOperators() {
        LanguageTool tool = Fixtures.tool("tools", "web", DeploymentMode.SERVICE, 8081);
        tool.getSpec()
                .setEnv(List.of(
                        new EnvVarBuilder().withName("PORT").withValue("8081").build()));
        tool.getSpec()
                .setReadinessProbe(new ProbeBuilder()
                        .withNewHttpGet()
                        .withPath("/ready")
                        .endHttpGet()
                        .build());

        Container container = ToolDeployment.of(tool, null, List.of())
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst();

        assertThat(container.getEnv())
                .singleElement()
                .satisfies(variable -> assertThat(variable.getName()).isEqualTo("PORT"));
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
    }

    @Test
    void theServiceExposesTheMcpPortWithTheTypeAndAnnotationsOfTheSpec() {
        LanguageTool tool = Fixtures.tool("tools", "web", DeploymentMode.SERVICE, 8081);
        tool.getSpec().setServiceType(ServiceType.LOAD_BALANCER);
        tool.getSpec().setServiceAnnotations(Map.of("service.beta.kubernetes.io/internal", "true"));

        Service service = ToolService.of(tool);

        assertThat(service.getMetadata().getName()).isEqualTo("web-tool");
        assertThat(service.getMetadata().getAnnotations()).containsEntry("service.beta.kubernetes.io/internal", "true");
        assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(service.getSpec().getSelector()).isEqualTo(SELECTOR);
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("mcp");
            assertThat(port.getPort()).isEqualTo(8081);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("mcp");
        });
    }

    @Test
    void aServiceIsClusterInternalUnlessTheSpecSaysOtherwise() {
        assertThat(ToolService.of(Fixtures.tool("tools", "web", DeploymentMode.SERVICE, 8080))
                        .getSpec()
                        .getType())
                .isEqualTo("ClusterIP");
    }
}
