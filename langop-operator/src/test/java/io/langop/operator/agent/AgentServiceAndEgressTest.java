package io.langop.operator.agent;

import static io.langop.operator.agent.AgentPlans.news;
import static io.langop.operator.agent.AgentPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What reaches an agent (its Service) and what it may reach (its egress policy). */
class AgentServiceAndEgressTest {

    @Test
    void theServiceReachesTheAgentsPodsOnThePortItServes() {
        LanguageAgent agent = news();
        agent.getSpec().setExecutionMode(ExecutionMode.EVENT_DRIVEN);
        agent.getSpec()
                .setEnv(List.of(
                        new EnvVarBuilder().withName("PORT").withValue("9000").build()));

        Service service = AgentService.of(plan(agent, List.of(), List.of()));

        assertThat(service.getMetadata().getName()).isEqualTo("news-agent");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector())
                .isEqualTo(Map.of("langop.io/kind", "LanguageAgent", "app.kubernetes.io/instance", "news"));
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(9000);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    @Test
    void theAgentMayReachDnsItsModelsItsServiceToolsItsClusterAndItsOwnRules() {
        LanguageAgent agent = news();
        agent.getSpec().setClusterRef("research");
        NetworkPolicyEgressRule own = new NetworkPolicyEgressRuleBuilder()
                .addNewTo()
                .withNewIpBlock()
                .withCidr("198.51.100.7/32")
                .endIpBlock()
                .endTo()
                .build();
        var models = List.of(Fixtures.model("shared", "qwen"));
        var tools = List.of(
                Fixtures.tool("team", "web", DeploymentMode.SERVICE, 8081),
                Fixtures.tool("team", "mail", DeploymentMode.SIDECAR, 9090));

        NetworkPolicy policy = AgentEgressPolicy.of(plan(agent, models, tools, List.of(own)));

        assertThat(policy.getMetadata().getName()).isEqualTo("news-agent");
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/kind", "LanguageAgent", "app.kubernetes.io/instance", "news"));
        List<NetworkPolicyEgressRule> rules = policy.getSpec().getEgress();
        assertThat(rules).hasSize(5);
        assertThat(rules.getFirst().getPorts())
                .extracting(port -> port.getProtocol() + "/" + port.getPort().getIntVal())
                .containsExactly("UDP/53", "TCP/53");
        assertThat(rules.get(1)).satisfies(model -> {
            assertThat(model.getTo().getFirst().getNamespaceSelector().getMatchLabels())
                    .isEqualTo(Map.of("kubernetes.io/metadata.name", "shared"));
            assertThat(model.getTo().getFirst().getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/instance", "qwen");
            assertThat(model.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(8080));
        });
        // the sidecar shares the pod: only the service-mode tool is a destination
        assertThat(rules.get(2)).satisfies(tool -> {
            assertThat(tool.getTo().getFirst().getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/instance", "web");
            assertThat(tool.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(8081));
        });
        assertThat(rules.get(3).getTo().getFirst().getNamespaceSelector().getMatchLabels())
                .isEqualTo(Map.of("langop.io/cluster", "research"));
        assertThat(rules.get(4)).isEqualTo(own);
    }
}
