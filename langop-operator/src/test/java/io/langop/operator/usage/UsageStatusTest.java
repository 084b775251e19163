package io.langop.operator.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterSpec;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LanguageModelStatus;
import io.langop.operator.OperatorSettings;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.ApiRequests;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.MockApiServer;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.OperatorHarness;
import io.langop.operator.harness.UsageProxies;
import io.langop.proxy.config.ClientKey;
import io.langop.proxy.config.KeyDigests;
import io.langop.proxy.config.ProxyConfigFiles;
import io.langop.proxy.report.UsageReport;
import io.langop.wire.AgentEnv;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's side of issue 17 against the in-process API server and a stand-in for the proxies' {@code /usage}
 * (a real HTTP server on loopback that answers only the operator's key as the rendered ConfigMap names it): each
 * agent's key, the proxy's file naming it by its hash, the figures in the status of agents, model and cluster, a
 * write only for what changed, none while idle.
 */
class UsageStatusTest {

    private static final String NS = "usage";
    private static final Duration INTERVAL = Duration.ofMillis(300);
    private static final String SINCE = "2026-12-06T05:00:00Z";

    private MockApiServer api;
    private UsageProxies proxies;
    private OperatorHarness operator;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        api = MockApiServer.start();
        proxies = UsageProxies.start(api.client());
        operator = OperatorHarness.start(
                api,
                OperatorSettings.defaults().withUsageInterval(INTERVAL),
                OperatorExtension.NOTHING_RESOLVES,
                proxies.services());
        client = api.client();
        LanguageCluster cluster = new LanguageCluster();
        cluster.setMetadata(
                new ObjectMetaBuilder().withName("team").withNamespace(NS).build());
        cluster.setSpec(new LanguageClusterSpec());
        client.namespaces()
                .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .endMetadata()
                        .build())
                .create();
        client.resource(cluster).create();
        LanguageModel model = Fixtures.model(NS, "m");
        model.getSpec().setClusterRef("team");
        client.resource(model).create();
        for (String name : List.of("a", "b")) {
            LanguageAgent agent = Fixtures.agent(NS, name, "m");
            agent.getSpec().setClusterRef("team");
            client.resource(agent).create();
        }
    }

    @AfterEach
    void stop() {
        operator.close();
        proxies.close();
    }

    @Test
    void eachAgentGetsItsOwnKeyWhichItsProxyKnowsByItsHashOnly() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ClientKey> keys = proxyClients();
            assertThat(keys).extracting(ClientKey::name).containsExactly(ProxyClients.OPERATOR, NS + "/a", NS + "/b");
            assertThat(keys.get(1).keySha256()).isEqualTo(KeyDigests.sha256Hex(key("a-proxy-key")));
            assertThat(keys.get(2).keySha256()).isEqualTo(KeyDigests.sha256Hex(key("b-proxy-key")));
            assertThat(keys.get(0).mayReadUsage()).isTrue();
            assertThat(keys.get(1).mayReadUsage()).isFalse();
        });
        assertThat(key("a-proxy-key")).hasSize(46).startsWith("lk-").isNotEqualTo(key("b-proxy-key"));
        assertThat(client.configMaps()
                        .inNamespace(NS)
                        .withName("m-model")
                        .get()
                        .getData()
                        .get("proxy.yaml"))
                .doesNotContain(key("a-proxy-key"), key("b-proxy-key"), key("m-model-key"));
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("a-agent")
                        .get()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getEnv())
                .anySatisfy(variable -> {
                    assertThat(variable.getName()).isEqualTo(AgentEnv.OPENAI_API_KEY);
                    assertThat(variable.getValue()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName())
                            .isEqualTo("a-proxy-key");
                })
                .anySatisfy(variable -> assertThat(variable.getName()).isEqualTo(AgentEnv.AGENT_REPORT_RUNS));
    }

    @Test
    void aRecreatedAgentGetsANewKeyAndAnAgentThatLeavesTheModelLeavesItsFile() {
        await().atMost(Duration.ofSeconds(20)).until(() -> proxyClients().size() == 3);
        String first = key("a-proxy-key");
        LanguageAgent a = client.resources(LanguageAgent.class)
                .inNamespace(NS)
                .withName("a")
                .get();
        client.resource(a).delete();
        // the mock server has no garbage collector: the old Secret stays, owned by the old UID, as it may for a while
        LanguageAgent again = Fixtures.agent(NS, "a", "m");
        client.resource(again).create();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(key("a-proxy-key")).isNotEqualTo(first);
            assertThat(proxyClients())
                    .filteredOn(k -> k.name().equals(NS + "/a"))
                    .singleElement()
                    .extracting(ClientKey::keySha256)
                    .isEqualTo(KeyDigests.sha256Hex(key("a-proxy-key")));
        });

        LanguageAgent moved = client.resources(LanguageAgent.class)
                .inNamespace(NS)
                .withName("b")
                .get();
        moved.getSpec().getModelRefs().getFirst().setName("elsewhere");
        Edits.replaceSpec(client, moved);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(proxyClients()).extracting(ClientKey::name).doesNotContain(NS + "/b"));
    }

    @Test
    void usageReachesAgentsModelAndClusterAndOnlyWhatChangedIsWrittenAgain() {
        await().atMost(Duration.ofSeconds(20)).until(() -> proxyClients().size() == 3);
        proxies.report(NS, "m", report(3, 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            LanguageAgentStatus a = agent("a");
            assertThat(a.getExecutionCount()).isEqualTo(3);
            assertThat(a.getSuccessfulExecutions()).isEqualTo(2);
            assertThat(a.getFailedExecutions()).isEqualTo(1);
            assertThat(a.getMetrics().getSuccessRate()).isEqualTo(66.7);
            assertThat(a.getLastExecutionResult()).isEqualTo("constraint_timeout");
            assertThat(a.getMetrics().getTotalTokens()).isEqualTo(450);
            assertThat(a.getCostMetrics().getTotalCost()).isCloseTo(0.6, within(1e-9));
            assertThat(a.getCostMetrics().getLastReset()).isEqualTo(SINCE);
            assertThat(agent("b").getExecutionCount()).isEqualTo(1);
            assertThat(agent("b").getCostMetrics().getTotalCost()).isCloseTo(0.2, within(1e-9));
            LanguageModelStatus m = client.resources(LanguageModel.class)
                    .inNamespace(NS)
                    .withName("m")
                    .get()
                    .getStatus();
            assertThat(m.getHealthy()).isTrue();
            assertThat(m.getMetrics().getTotalRequests()).isEqualTo(4);
            assertThat(m.getMetrics().getP95Latency()).isEqualTo(250);
            assertThat(m.getCostMetrics().getTotalCost()).isCloseTo(0.8, within(1e-9));
            var team = client.resources(LanguageCluster.class)
                    .inNamespace(NS)
                    .withName("team")
                    .get()
                    .getStatus();
            assertThat(team.getCostMetrics().getTotalCost()).isCloseTo(0.8, within(1e-9));
            assertThat(team.getMetrics().getExecutions()).isEqualTo(4);
        });

        operator.assertNoWritesWhileIdle(INTERVAL.multipliedBy(6));

        ApiRequests requests = api.requests();
        int mark = requests.mark();
        proxies.report(NS, "m", report(3, 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> agent("b").getExecutionCount() == 2);
        operator.assertNoWritesWhileIdle(INTERVAL.multipliedBy(3));
        assertThat(requests.writesSince(mark))
                .extracting(ApiRequests.Request::path)
                .filteredOn(path -> path.endsWith("/status"))
                .as("b, the model and the cluster changed; a did not")
                .containsExactlyInAnyOrder(
                        "/apis/langop.io/v1alpha1/namespaces/usage/languageagents/b/status",
                        "/apis/langop.io/v1alpha1/namespaces/usage/languagemodels/m/status",
                        "/apis/langop.io/v1alpha1/namespaces/usage/languageclusters/team/status");
    }

    @Test
    void aToolCallWaitingForApprovalShowsInTheAgentsStatusAndAsAnEvent() {
        await().atMost(Duration.ofSeconds(20)).until(() -> proxyClients().size() == 3);
        UsageReport.PendingApproval call = new UsageReport.PendingApproval(
                "c0ffee", "send_email", "{\"to\":\"ops@example.com\",\"password\":\"***\"}", "2026-12-06T10:15:00Z");
        proxies.report(NS, "m", withApprovals(report(1, 1), Map.of(NS + "/a", List.of(call))));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(agent("a").getPendingApprovals())
                        .singleElement()
                        .satisfies(pending -> {
                            assertThat(pending.getId()).isEqualTo("c0ffee");
                            assertThat(pending.getTool()).isEqualTo("send_email");
                            assertThat(pending.getArguments()).isEqualTo(call.arguments());
                            assertThat(pending.getDeadline()).isEqualTo("2026-12-06T10:15:00Z");
                        }));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                client.v1().events().inNamespace(NS).list().getItems())
                        .filteredOn(event -> "ApprovalPending".equals(event.getReason()))
                        .singleElement()
                        .satisfies(event -> {
                            assertThat(event.getInvolvedObject().getName()).isEqualTo("a");
                            assertThat(event.getMessage())
                                    .contains("send_email", "c0ffee", "2026-12-06T10:15:00Z", "\"password\":\"***\"");
                        }));
        assertThat(agent("b").getPendingApprovals()).isNull();

        proxies.report(NS, "m", report(1, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> agent("a").getPendingApprovals() == null);
    }

    private static UsageReport withApprovals(
            UsageReport report, Map<String, List<UsageReport.PendingApproval>> approvals) {
        return new UsageReport(
                report.since(), report.models(), report.clients(), report.runs(), report.endpoints(), approvals);
    }

    /** Agent a: {@code aRuns} runs of 150 tokens (0.2 each), the last timed out; agent b: {@code bRuns}. */
    private static UsageReport report(int aRuns, int bRuns) {
        UsageReport.Tally a = tally(aRuns);
        UsageReport.Tally b = tally(bRuns);
        return new UsageReport(
                SINCE,
                Map.of("m", tally(aRuns + bRuns)),
                Map.of(NS + "/a", a, NS + "/b", b, ProxyClients.OPERATOR, tally(0)),
                Map.of(
                        NS + "/a",
                        new UsageReport.Runs(aRuns, aRuns - 1, 1, "2026-12-06T05:10:00Z", "constraint_timeout"),
                        NS + "/b",
                        new UsageReport.Runs(bRuns, bRuns, 0, "2026-12-06T05:0" + bRuns + ":00Z", "succeeded")),
                Map.of("m", List.of(new UsageReport.EndpointHealth("http://vllm.inference.svc:8000/v1", true))),
                Map.of());
    }

    private static UsageReport.Tally tally(int requests) {
        return new UsageReport.Tally(
                requests,
                100L * requests,
                50L * requests,
                150L * requests,
                new BigDecimal("0.2").multiply(BigDecimal.valueOf(requests)),
                "USD",
                0,
                0,
                0,
                requests == 0 ? null : 120L,
                requests == 0 ? null : 250L,
                requests == 0 ? null : 500L);
    }

    private LanguageAgentStatus agent(String name) {
        LanguageAgent agent = client.resources(LanguageAgent.class)
                .inNamespace(NS)
                .withName(name)
                .get();
        return agent.getStatus() == null ? new LanguageAgentStatus() : agent.getStatus();
    }

    private List<ClientKey> proxyClients() {
        var config = client.configMaps().inNamespace(NS).withName("m-model").get();
        return config == null
                ? List.of()
                : ProxyConfigFiles.parse(config.getData().get("proxy.yaml")).clientKeys();
    }

    private String key(String secretName) {
        Secret secret = client.secrets().inNamespace(NS).withName(secretName).get();
        return secret == null
                ? ""
                : new String(Base64.getDecoder().decode(secret.getData().get("key")), StandardCharsets.UTF_8);
    }
}
