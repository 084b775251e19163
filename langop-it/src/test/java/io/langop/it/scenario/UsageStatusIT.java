package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterStatus;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LanguageModelStatus;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.local.kube.Kubeconfig;
import io.langop.local.kube.Kubectl;
import io.langop.operator.OperatorSettings;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's end to end: two scheduled agents on one priced model, each with its own key at the model's proxy.
 * After their runs (one of the first, two of the second) each agent's status shows its own executions, tokens and
 * cost, the model's status all of them, the cluster's the sum; then an idle spell of several usage intervals
 * writes no status at all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageStatusIT {

    private static final String NAMESPACE = "usage";
    /** The operator reads usage this often here; a cluster reads it every minute. */
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final int PROMPT_TOKENS = 100;
    private static final int COMPLETION_TOKENS = 50;
    /** 100 prompt tokens at 1.0 per 1k and 50 completion tokens at 2.0 per 1k. */
    private static final double COST_PER_RUN = 0.2;

    @RegisterExtension
    static final LocalClusterExtension cluster =
            new LocalClusterExtension(() -> OperatorSettings.defaults().withUsageInterval(INTERVAL));

    @TempDir
    static Path temp;

    @Test
    @Order(1)
    void eachAgentsRunsTokensAndCostReachItsStatusTheModelTheClusterSumsThemAndIdlingWritesNothing() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.otherwise(new ScriptedOpenAiServer.Text("All clusters upgraded.", PROMPT_TOKENS, COMPLETION_TOKENS));
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(NAMESPACE, "report-code", "agents/ReportAgent.java");
            // The same agent at 18:00: brought code must name the schedule of its LanguageAgent (the semantic check).
            cluster.createConfigMap(
                    NAMESPACE,
                    "evening-code",
                    Map.of(
                            "Agent.java",
                            LocalClusterExtension.resource("agents/ReportAgent.java")
                                    .replace("0 9 * * 1-5", "0 18 * * 1-5")));
            cluster.applyResource(
                    "scenarios/usage-agents.yaml", Map.of("NAMESPACE", NAMESPACE, "LLM_URL", llm.baseUrl()));

            assertThat(LocalClusterExtension.outcome(cluster.runCronJobOnce(NAMESPACE, "morning-agent")))
                    .isEqualTo("Complete");
            for (int run = 0; run < 2; run++) {
                assertThat(LocalClusterExtension.outcome(cluster.runCronJobOnce(NAMESPACE, "evening-agent")))
                        .isEqualTo("Complete");
            }
            assertThat(llm.requests()).as("one model call per run").hasSize(3);

            await("usage in the status")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        assertAgent("morning", 1);
                        assertAgent("evening", 2);
                        assertModel(3);
                        assertCluster(3);
                    });

            Secret morningKey = secret("morning-proxy-key");
            Secret eveningKey = secret("evening-proxy-key");
            assertThat(morningKey.getData().get("key"))
                    .as("each agent its own key")
                    .isNotEqualTo(eveningKey.getData().get("key"));
            assertThat(cluster.client()
                            .configMaps()
                            .inNamespace(NAMESPACE)
                            .withName("priced-model")
                            .get()
                            .getData()
                            .get("proxy.yaml"))
                    .as("the proxy's file names keys by their hash only")
                    .contains("usage/morning", "usage/evening", "keySha256")
                    .doesNotContain(decoded(morningKey), decoded(eveningKey));

            List<String> before = resourceVersions();
            Thread.sleep(INTERVAL.multipliedBy(5).toMillis());
            assertThat(resourceVersions())
                    .as("no write to the agents, the model or the cluster over five idle usage intervals")
                    .isEqualTo(before);
        }
    }

    /** After the runs above: the columns a platform engineer sees first. */
    @Test
    @Order(2)
    void kubectlGetLagentShowsThePhaseTheLastRunTheSuccessRateAndTheCost() throws Exception {
        Path kubeconfig =
                Kubeconfig.write(temp.resolve("kubeconfig"), cluster.cluster().kubectlUrl(), NAMESPACE);
        Kubectl kubectl = Kubectl.against(kubeconfig, temp.resolve("kube-cache"));
        String table = kubectl.run("get", "lagent").out();
        List<String> lines = table.lines().toList();
        // the CRD generator orders printer columns by their JSON path
        assertThat(lines.getFirst().split("\\s{2,}", -1))
                .as(table)
                .containsExactly(
                        "NAME", "AGE", "MODE", "SCHEDULE", "COST", "LAST RUN", "SUCCESS RATE", "PHASE", "READY");
        assertThat(lines)
                .as(table)
                .anyMatch(
                        line -> line.matches(
                                "evening\\s+\\S+\\s+scheduled\\s+0 18 \\* \\* 1-5\\s+0\\.4\\s+\\S+\\s+100\\s+Running(\\s+<none>)?\\s*"))
                .anyMatch(
                        line -> line.matches(
                                "morning\\s+\\S+\\s+scheduled\\s+0 9 \\* \\* 1-5\\s+0\\.2\\s+\\S+\\s+100\\s+Running(\\s+<none>)?\\s*"));
    }

    private static void assertAgent(String name, int runs) {
        LanguageAgentStatus status = get(LanguageAgent.class, name).getStatus();
        assertThat(status.getExecutionCount()).as("%s executions", name).isEqualTo(runs);
        assertThat(status.getSuccessfulExecutions()).isEqualTo(runs);
        assertThat(status.getFailedExecutions()).isZero();
        assertThat(status.getLastExecutionResult()).isEqualTo("succeeded");
        assertThat(status.getLastExecutionTime()).isNotNull();
        assertThat(status.getMetrics().getSuccessRate()).isEqualTo(100.0);
        assertThat(status.getMetrics().getTotalTokens()).isEqualTo((long) runs * (PROMPT_TOKENS + COMPLETION_TOKENS));
        assertThat(status.getModelUsage()).singleElement().satisfies(usage -> {
            assertThat(usage.getModelName()).isEqualTo("priced");
            assertThat(usage.getRequestCount()).isEqualTo(runs);
            assertThat(usage.getInputTokens()).isEqualTo((long) runs * PROMPT_TOKENS);
            assertThat(usage.getOutputTokens()).isEqualTo((long) runs * COMPLETION_TOKENS);
        });
        assertThat(status.getCostMetrics().getTotalCost()).isCloseTo(runs * COST_PER_RUN, within(1e-9));
        assertThat(status.getCostMetrics().getCurrency()).isEqualTo("USD");
        assertThat(status.getCostMetrics().getLastReset()).isNotNull();
    }

    private static void assertModel(int runs) {
        LanguageModelStatus status = get(LanguageModel.class, "priced").getStatus();
        assertThat(status.getHealthy()).isTrue();
        assertThat(status.getMetrics().getTotalRequests()).isEqualTo(runs);
        assertThat(status.getMetrics().getFailedRequests()).isZero();
        assertThat(status.getMetrics().getTotalTokens()).isEqualTo((long) runs * (PROMPT_TOKENS + COMPLETION_TOKENS));
        assertThat(status.getMetrics().getAverageLatency()).isNotNull();
        assertThat(status.getCostMetrics().getTotalCost()).isCloseTo(runs * COST_PER_RUN, within(1e-9));
    }

    private static void assertCluster(int runs) {
        LanguageClusterStatus status = get(LanguageCluster.class, "team").getStatus();
        assertThat(status.getMetrics().getTotalTokens()).isEqualTo((long) runs * (PROMPT_TOKENS + COMPLETION_TOKENS));
        assertThat(status.getMetrics().getExecutions()).isEqualTo(runs);
        assertThat(status.getCostMetrics().getTotalCost())
                .as("the sum of the agents' costs")
                .isCloseTo(runs * COST_PER_RUN, within(1e-9));
    }

    private static List<String> resourceVersions() {
        return List.of(
                        get(LanguageAgent.class, "morning"),
                        get(LanguageAgent.class, "evening"),
                        get(LanguageModel.class, "priced"),
                        get(LanguageCluster.class, "team"))
                .stream()
                .map(object -> object.getMetadata().getResourceVersion())
                .toList();
    }

    private static <T extends HasMetadata> T get(Class<T> kind, String name) {
        return cluster.client()
                .resources(kind)
                .inNamespace(NAMESPACE)
                .withName(name)
                .get();
    }

    private static Secret secret(String name) {
        return cluster.client().secrets().inNamespace(NAMESPACE).withName(name).get();
    }

    private static String decoded(Secret secret) {
        return new String(
                java.util.Base64.getDecoder().decode(secret.getData().get("key")),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
