package io.langop.operator.agent;

import static io.langop.operator.agent.Fixtures.condition;
import static io.langop.operator.agent.Fixtures.isTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.OperatorSettings;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.MockApiServer;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.OperatorHarness;
import io.langop.operator.harness.UsageProxies;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.proxy.report.UsageReport;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.wire.AgentEnv;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rollback of agents that run in a Deployment (interactive, autonomous, event-driven), where no Job records a run:
 * new code whose first runs fail — as the agent reported them to its model proxy, per code version, or as its pod's
 * restarts show — gives way to the last code a run succeeded with, and is written again with the failure in the
 * prompt. The operator runs against the in-process API server, a scripted LLM and a stand-in for the proxy's
 * {@code /usage} (read every 200 ms here), which answers what the runtime would have reported.
 */
class DeploymentRollbackTest {

    private static final String NS = "rollback";
    private static final String MODEL = "m";
    private static final Duration USAGE_INTERVAL = Duration.ofMillis(200);

    private static ScriptedOpenAiServer llm;
    private static UsageProxies proxies;
    private static OperatorHarness operator;
    private static KubernetesClient client;
    /** What the model's proxy reports per client, as the runtimes reported their runs to it. */
    private static final Map<String, UsageReport.Runs> reportedRuns = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        MockApiServer api = MockApiServer.start();
        proxies = UsageProxies.start(api.client());
        OperatorSettings settings = OperatorSettings.defaults()
                .withUsageInterval(USAGE_INTERVAL)
                .withSynthesis(new SynthesisSettings(
                        Optional.of(llm.baseUrl()),
                        Optional.of("synth-model"),
                        Optional.of("sk-test-rollback"),
                        1,
                        100,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        4));
        operator = OperatorHarness.start(api, settings, OperatorExtension.NOTHING_RESOLVES, proxies.services());
        client = operator.client();
        client.resource(Fixtures.model(NS, MODEL)).create();
        publishRuns();
    }

    @AfterAll
    static void stop() {
        operator.close();
        proxies.close();
        llm.close();
    }

    @Test
    void anInteractiveAgentWhoseNewCodeFailsTwoTurnsGetsItsGoodCodeBackAndNewCodeWrittenWithTheFailure() {
        String good = helpdesk("// the version that answers");
        String failing = helpdesk("// the version whose turns fail");
        String rewritten = helpdesk("// written again with the failure");
        String goodHash = SynthesisFingerprint.sha256(good.strip());
        String failingHash = SynthesisFingerprint.sha256(failing.strip());
        String rewrittenHash = SynthesisFingerprint.sha256(rewritten.strip());
        LanguageAgent agent = Fixtures.agent(NS, "helpdesk", MODEL);
        agent.getSpec().setExecutionMode(ExecutionMode.INTERACTIVE);
        agent.getSpec().setInstructions("Answer questions about the platform");
        llm.thenText("```java\n" + good + "```");
        client.resource(agent).create();
        eventually().until(() -> podCodeHash("helpdesk"), goodHash::equals);
        assertThat(agentEnv("helpdesk"))
                .as("the runtime names the code it runs in each report")
                .containsEntry(AgentEnv.AGENT_CODE_HASH, goodHash);

        // a turn of it was answered: it is the code to come back to
        reportRun("helpdesk", goodHash, true, null);
        eventually().until(() -> configMap("helpdesk-good-code"), found -> found != null);
        assertThat(configMap("helpdesk-good-code").getData()).containsEntry("Agent.java", good.strip());

        // new instructions, new code, which passes every check and its dry run, and rolls out
        int before = llm.requests().size();
        llm.thenText("```java\n" + failing + "```");
        agent = agent("helpdesk");
        agent.getSpec().setInstructions("Answer questions about the platform, with the cluster's state");
        Edits.replaceSpec(client, agent);
        eventually().until(() -> podCodeHash("helpdesk"), failingHash::equals);

        // its first turn fails: one failure is not enough to roll back
        String failure = "LLM call failed: step 'lookup' failed: tool 'kubectl_get' is not provided by any server";
        reportRun("helpdesk", failingHash, false, failure);
        eventually()
                .until(
                        () -> agent("helpdesk").getStatus().getFailedExecutions(),
                        failed -> Long.valueOf(1).equals(failed));
        operator.assertNoWritesWhileIdle(Duration.ofMillis(3 * USAGE_INTERVAL.toMillis()));
        assertThat(podCodeHash("helpdesk")).isEqualTo(failingHash);

        // the second fails too: the good code is put back, and new code is written with the failure
        llm.delayReplies(Duration.ofSeconds(2)).thenText("```java\n" + rewritten + "```");
        reportRun("helpdesk", failingHash, false, failure);
        LanguageAgent rolledBack = eventually().until(() -> agent("helpdesk"), a -> isTrue(a, "RolledBack"));
        assertThat(condition(rolledBack, "RolledBack").getMessage())
                .startsWith("code " + failingHash.substring(0, 12) + " failed its first runs, so the last good code "
                        + goodHash.substring(0, 12) + " runs again: 2 run(s) failed and none succeeded, as the agent"
                        + " reported them; the last: " + failure);
        assertThat(podCodeHash("helpdesk")).isIn(goodHash, rewrittenHash);
        assertThat(rolledBack.getStatus().getSynthesis().getCodeHash())
                .as("the status names the code that runs while new code is written, not the code that failed")
                .isEqualTo(goodHash);
        eventually().until(() -> eventReasons("helpdesk").contains("RolledBack"));

        eventually().until(() -> podCodeHash("helpdesk"), rewrittenHash::equals);
        llm.delayReplies(Duration.ZERO);
        assertThat(llm.requests()).hasSize(before + 2);
        assertThat(String.join("\n", llm.messagesOf(before + 1)))
                .contains("with the cluster's state")
                .contains("## How the previous code failed")
                .contains("tool 'kubectl_get' is not provided by any server");
        assertThat(configMap("helpdesk-code").getMetadata().getAnnotations())
                .as("the record of the rollback stays with the code put back, not with the code written after it")
                .doesNotContainKeys(AgentSource.ROLLED_BACK_FROM, AgentSource.ROLLBACK_INPUTS);
        eventually()
                .untilAsserted(() -> assertThat(agent("helpdesk").getStatus().getConditions())
                        .filteredOn(c -> List.of("RolledBack", "CodeUpdated").contains(c.getType()))
                        .extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
                        .containsExactlyInAnyOrder("RolledBack=False/Rewritten", "CodeUpdated=True/CodeUpdated"));
        LanguageAgent current = agent("helpdesk");
        assertThat(current.getStatus().getSynthesis().getCodeHash()).isEqualTo(rewrittenHash);
        assertThat(configMap("helpdesk-good-code").getData())
                .as("still the code a turn succeeded with")
                .containsEntry("Agent.java", good.strip());
    }

    @Test
    void anAutonomousAgentWhoseNewCodeCrashesAtStartIsRolledBackOnItsPodsRestarts() {
        String good = watcher("// the version that runs");
        String crashing = watcher("// the version that ends the process at start");
        String rewritten = watcher("// written again after the crashes");
        String goodHash = SynthesisFingerprint.sha256(good.strip());
        String crashingHash = SynthesisFingerprint.sha256(crashing.strip());
        String rewrittenHash = SynthesisFingerprint.sha256(rewritten.strip());
        LanguageAgent agent = Fixtures.agent(NS, "watcher", MODEL);
        llm.thenText("```java\n" + good + "```");
        client.resource(agent).create();
        eventually().until(() -> podCodeHash("watcher"), goodHash::equals);
        reportRun("watcher", goodHash, true, null);
        eventually().until(() -> configMap("watcher-good-code"), found -> found != null);

        int before = llm.requests().size();
        llm.thenText("```java\n" + crashing + "```");
        agent = agent("watcher");
        agent.getSpec().setInstructions("Summarise the news every morning, in French");
        Edits.replaceSpec(client, agent);
        eventually().until(() -> podCodeHash("watcher"), crashingHash::equals);

        // its container ends at start, once: the kubelet starts it again, which is not yet a crash loop
        String log = "ERROR The agent is invalid: define() failed: IllegalStateException: no digest language";
        crashingPod("watcher", 1);
        eventually()
                .untilAsserted(
                        () -> assertThat(condition(agent("watcher"), "Ready").getMessage())
                                .as("not ready, and why: the back-off says only that it waits")
                                .contains("container agent: CrashLoopBackOff: back-off 10s restarting failed container;"
                                        + " last exit status 3:\n" + log));
        operator.assertNoWritesWhileIdle(Duration.ofMillis(500));
        assertThat(podCodeHash("watcher")).isEqualTo(crashingHash);

        llm.thenText("```java\n" + rewritten + "```");
        crashingPod("watcher", 2);
        LanguageAgent rolledBack = eventually().until(() -> agent("watcher"), a -> isTrue(a, "RolledBack"));
        assertThat(condition(rolledBack, "RolledBack").getMessage())
                .startsWith("code " + crashingHash.substring(0, 12) + " failed its first runs, so the last good code "
                        + goodHash.substring(0, 12) + " runs again: pod watcher-agent-")
                .contains("the agent container ended 2 time(s) and was started again, no run succeeded; last exit"
                        + " status 3:\n" + log);
        eventually().until(() -> podCodeHash("watcher"), rewrittenHash::equals);
        assertThat(String.join("\n", llm.messagesOf(before + 1)))
                .contains("## How the previous code failed")
                .contains("no digest language");
        eventually().until(() -> eventReasons("watcher").containsAll(List.of("RolledBack", "RewrittenAfterRollback")));
    }

    /** An interactive agent's code, told apart by {@code mark}. */
    private static String helpdesk(String mark) {
        return """
                import io.langop.sdk.agent.AgentDefinition;
                import io.langop.sdk.agent.ExecutionMode;
                import io.langop.sdk.agent.LangopAgent;

                public class Agent implements LangopAgent {
                    @Override
                    public AgentDefinition define() {
                        return AgentDefinition.builder("helpdesk")
                                .persona("You answer questions about the platform.")
                                .mode(ExecutionMode.INTERACTIVE)
                                .objective("Answer questions about the platform")
                                .build();
                    }
                }
                %s
                """.formatted(mark);
    }

    private static String watcher(String mark) {
        return Fixtures.CODE_WITHOUT_TOOLS + "\n" + mark + "\n";
    }

    /**
     * One run of {@code agent} ended as its runtime reports it to the model proxy ({@code POST /runs}, with the code
     * hash the pod's {@code AGENT_CODE_HASH} says): the proxy counts it, and the next read of {@code /usage} has it.
     */
    private static void reportRun(String agent, String codeHash, boolean succeeded, String failure) {
        String now = Instant.now().toString();
        reportedRuns.compute(NS + "/" + agent, (client, runs) -> {
            Map<String, UsageReport.CodeRuns> byCode = new TreeMap<>(runs == null ? Map.of() : runs.byCode());
            UsageReport.CodeRuns code = byCode.getOrDefault(codeHash, new UsageReport.CodeRuns(0, 0, 0, null, null));
            byCode.put(
                    codeHash,
                    new UsageReport.CodeRuns(
                            code.runs() + 1,
                            code.succeeded() + (succeeded ? 1 : 0),
                            code.failed() + (succeeded ? 0 : 1),
                            now,
                            succeeded ? code.lastFailure() : failure));
            long total = runs == null ? 0 : runs.runs();
            long good = runs == null ? 0 : runs.succeeded();
            return new UsageReport.Runs(
                    total + 1,
                    good + (succeeded ? 1 : 0),
                    total + 1 - good - (succeeded ? 1 : 0),
                    now,
                    succeeded ? "succeeded" : "failed",
                    byCode);
        });
        publishRuns();
    }

    private static void publishRuns() {
        proxies.report(
                NS,
                MODEL,
                new UsageReport(
                        "2026-12-06T09:00:00Z", Map.of(), Map.of(), new TreeMap<>(reportedRuns), Map.of(), Map.of()));
    }

    /**
     * The pod of the agent's current Deployment template as the kubelet records it while the agent container ends at
     * start: {@code restarts} restarts, the last with exit status 3 (an invalid agent) and its log tail as termination
     * message, and the kubelet backing off (the mock API server runs no ReplicaSet controller or kubelet).
     */
    private static void crashingPod(String agent, int restarts) {
        Deployment deployment = deployment(agent);
        var template = deployment.getSpec().getTemplate().getMetadata();
        client.resource(new PodBuilder()
                        .withNewMetadata()
                        .withName(agent + "-agent-7d9f-x2k4p")
                        .withNamespace(NS)
                        .withLabels(template.getLabels())
                        .withAnnotations(template.getAnnotations())
                        .endMetadata()
                        .withNewStatus()
                        .withPhase("Running")
                        .addNewContainerStatus()
                        .withName(AgentPodTemplate.AGENT_CONTAINER)
                        .withRestartCount(restarts)
                        .withNewLastState()
                        .withNewTerminated()
                        .withExitCode(3)
                        .withReason("Error")
                        .withMessage("ERROR The agent is invalid: define() failed: IllegalStateException: no digest"
                                + " language\n")
                        .endTerminated()
                        .endLastState()
                        .withNewState()
                        .withNewWaiting()
                        .withReason("CrashLoopBackOff")
                        .withMessage("back-off 10s restarting failed container")
                        .endWaiting()
                        .endState()
                        .endContainerStatus()
                        .endStatus()
                        .build())
                .createOr(existing -> existing.update());
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }

    private static LanguageAgent agent(String name) {
        return client.resources(LanguageAgent.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private static ConfigMap configMap(String name) {
        return client.configMaps().inNamespace(NS).withName(name).get();
    }

    private static Deployment deployment(String agent) {
        return client.apps()
                .deployments()
                .inNamespace(NS)
                .withName(agent + "-agent")
                .get();
    }

    private static String podCodeHash(String agent) {
        return Fixtures.codeHash(deployment(agent));
    }

    private static Map<String, String> agentEnv(String agent) {
        Map<String, String> env = new TreeMap<>();
        deployment(agent).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> AgentPodTemplate.AGENT_CONTAINER.equals(container.getName()))
                .flatMap(container -> container.getEnv().stream())
                .filter(variable -> variable.getValue() != null)
                .forEach(variable -> env.put(variable.getName(), variable.getValue()));
        return env;
    }

    private static List<String> eventReasons(String agent) {
        return Fixtures.events(client, NS, agent).stream().map(Event::getReason).toList();
    }
}
