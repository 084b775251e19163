package io.langop.operator.agent;

import static io.langop.operator.agent.Fixtures.condition;
import static io.langop.operator.agent.Fixtures.isTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.PersonaReference;
import io.langop.api.v1alpha1.agent.CodeReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.SynthesisSpec;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.OperatorSettings;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorHarness;
import io.langop.operator.harness.ServiceMap;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.wire.Meters;
import io.micrometer.core.instrument.Counter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator writes agents with a scripted OpenAI-compatible LLM over real HTTP, against the mock API
 * server: code lands in {@code <agent>-code} and rolls out, an unchanged spec costs no LLM call (also
 * after a restart), and failures keep the last good code.
 */
class AgentSynthesisTest {

    private static final String NS = "synthesis";
    private static final String VALID = Fixtures.CODE_WITHOUT_TOOLS;
    private static final String INVALID = VALID.replace(".maxIterations(20)", ".maxIterations(\"twenty\")");

    private static final String API_KEY = "sk-test-4f9d2c";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static ScriptedOpenAiServer llm;
    private static TestMcpServer searchTools;
    private static TestMcpServer mailTools;
    private static final ServiceMap services = new ServiceMap();
    private static OperatorHarness operator;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        searchTools = TestMcpServer.start(TestMcpServer.TestTool.of("web_search", "query", arguments -> "no results"));
        mailTools = TestMcpServer.start(TestMcpServer.TestTool.of("send_email", "to", arguments -> "sent"));
        // a running tool server answers within the operator's short timeout; pay the first-use costs (class loading
        // on both sides, in this JVM) here, not in the test, so a loaded machine does not make it look down
        McpTools.listTools(searchTools.url(), Duration.ofSeconds(60));
        // one repair round and a 1 s first retry keep the failure paths quick
        OperatorSettings settings = OperatorSettings.defaults()
                .withSynthesis(new SynthesisSettings(
                        Optional.of(llm.baseUrl()),
                        Optional.of("synth-model"),
                        Optional.of(API_KEY),
                        1,
                        100,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        4));
        // the Services of tools answer where the tests map them (ServiceMap); the rest refuse
        operator = OperatorHarness.start(
                settings,
                host -> {
                    throw new UnknownHostException(host);
                },
                services);
        client = operator.client();
        client.resource(Fixtures.model(NS, "qwen")).create();
    }

    @AfterAll
    static void stop() {
        operator.close();
        searchTools.close();
        mailTools.close();
        llm.close();
    }

    @Test
    void writesCheckedCodeRollsItOutAndAsksNoMoreWhileTheInputsStayTheSame() {
        int before = llm.requests().size();
        double succeeded = syntheses("succeeded");
        llm.thenText("Here is the agent:\n```java\n" + VALID + "\n```\nEnjoy!", 1200, 300);
        client.resource(Fixtures.agent(NS, "digest", "qwen")).create();

        ConfigMap code = eventually().until(() -> configMap("digest-code"), found -> found != null);
        String hash = SynthesisFingerprint.sha256(VALID);
        assertThat(code.getData()).containsEntry("Agent.java", VALID);
        assertThat(code.getMetadata().getAnnotations())
                .containsKeys(
                        SynthesisFingerprint.INSTRUCTIONS_HASH,
                        SynthesisFingerprint.MODE_HASH,
                        SynthesisFingerprint.TOOLS_HASH,
                        SynthesisFingerprint.MODELS_HASH,
                        SynthesisFingerprint.PERSONA_HASH,
                        SynthesisFingerprint.TEMPLATE_VERSION);
        assertThat(code.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo("digest"));
        eventually().until(() -> podCodeHash("digest-agent"), hash::equals);
        LanguageAgent agent = eventually().until(() -> agent("digest"), a -> isTrue(a, "CodeUpdated"));
        assertThat(agent.getStatus().getSynthesis()).satisfies(synthesis -> {
            assertThat(synthesis.getModel()).isEqualTo("synth-model");
            assertThat(synthesis.getAttempts()).isEqualTo(1);
            assertThat(synthesis.getPromptTokens()).isEqualTo(1200);
            assertThat(synthesis.getCompletionTokens()).isEqualTo(300);
            assertThat(synthesis.getCodeHash()).isEqualTo(hash);
            assertThat(synthesis.getTime()).isNotBlank();
            assertThat(synthesis.getLastErrors()).isNullOrEmpty();
        });
        assertThat(isTrue(agent, "Synthesized")).isTrue();
        assertThat(syntheses("succeeded")).isEqualTo(succeeded + 1);
        assertThat(operator.meters().scrape())
                .contains(Meters.OPERATOR_SYNTHESIS_DURATION.name() + "_seconds_count{outcome=\"succeeded\"}");
        assertThat(isTrue(agent, "Validated")).isTrue();
        assertThat(llm.requests()).hasSize(before + 1);

        // a spec change that is no synthesis input: reconciled, but no LLM call
        agent.getSpec().setReplicas(2);
        Edits.replaceSpec(client, agent);
        eventually().until(() -> deployment("digest-agent").getSpec().getReplicas() == 2);

        List<String> events =
                eventually().until(() -> eventReasons("digest"), reasons -> reasons.contains("SynthesisSucceeded"));
        assertThat(events).contains("SynthesisStarted").doesNotContain("SynthesisFailed", "ValidationFailed");

        // a restarted operator reads the fingerprint back from the ConfigMap
        operator.restart();
        agent.getSpec().setReplicas(3);
        Edits.replaceSpec(client, agent);
        eventually().until(() -> deployment("digest-agent").getSpec().getReplicas() == 3);
        assertThat(podCodeHash("digest-agent")).isEqualTo(hash);
        assertThat(configMap("digest-code").getData()).containsEntry("Agent.java", VALID);
        assertThat(llm.requests()).hasSize(before + 1);
        assertThat(eventReasons("digest"))
                .as("no new events for an unchanged agent, restart or not")
                .isEqualTo(events);
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(1));
    }

    @Test
    void newInstructionsAreSynthesizedOnceAndRolledOut() {
        LanguageAgent agent = agentWithCode("mailer", VALID);
        int before = llm.requests().size();
        String second = VALID + "\n// second version\n";
        llm.thenText("```java\n" + second + "```");

        agent.getSpec().setInstructions("Summarise the news every evening instead");
        Edits.replaceSpec(client, agent);

        String newHash = SynthesisFingerprint.sha256(second.strip());
        eventually().until(() -> podCodeHash("mailer-agent"), newHash::equals);
        assertThat(configMap("mailer-code").getData()).containsEntry("Agent.java", second.strip());
        // the workload is updated before the status in the same reconcile
        eventually().until(() -> agent("mailer").getStatus().getSynthesis().getCodeHash(), newHash::equals);
        assertThat(llm.requests()).hasSize(before + 1);
        assertThat(llm.messagesOf(before))
                .anySatisfy(message -> assertThat(message).contains("every evening instead"));
    }

    @Test
    void codeThatStaysInvalidIsReportedAndTheLastGoodCodeKeepsRunning() {
        LanguageAgent agent = agentWithCode("keeper", VALID);
        int before = llm.requests().size();
        double refused = syntheses("refused");
        llm.thenText("```java\n" + INVALID + "\n```").thenText("```java\n" + INVALID + "\n```");

        agent.getSpec().setInstructions("Something the model cannot write");
        Edits.replaceSpec(client, agent);

        LanguageAgent failed =
                eventually().until(() -> agent("keeper"), a -> hasReason(a, "Validated", "ValidationFailed"));
        assertThat(condition(failed, "Validated").getMessage()).contains("Agent.java");
        assertThat(condition(failed, "CodeUpdated").getReason()).isEqualTo("PreviousCodeKept");
        assertThat(failed.getStatus().getSynthesis().getLastErrors())
                .isNotEmpty()
                .allSatisfy(error -> assertThat(error.length()).isLessThanOrEqualTo(401));
        assertThat(failed.getStatus().getSynthesis().getCodeHash()).isEqualTo(SynthesisFingerprint.sha256(VALID));
        assertThat(configMap("keeper-code").getData()).containsEntry("Agent.java", VALID);
        assertThat(podCodeHash("keeper-agent")).isEqualTo(SynthesisFingerprint.sha256(VALID));
        assertThat(llm.requests()).hasSize(before + 2); // first draft + one repair round, then no retry
        eventually().until(() -> eventReasons("keeper").contains("ValidationFailed"));
        assertThat(eventReasons("keeper")).contains("SynthesisFailed");
        assertThat(syntheses("refused")).isEqualTo(refused + 1);
    }

    @Test
    void anAgentsOwnRepairBoundReplacesTheOperators() {
        int before = llm.requests().size();
        llm.thenText("```java\n" + INVALID + "\n```");
        LanguageAgent agent = Fixtures.agent(NS, "hasty", "qwen");
        SynthesisSpec synthesis = new SynthesisSpec();
        synthesis.setMaxRepairAttempts(0);
        agent.getSpec().setSynthesis(synthesis);
        client.resource(agent).create();

        LanguageAgent failed =
                eventually().until(() -> agent("hasty"), a -> hasReason(a, "Validated", "ValidationFailed"));
        assertThat(failed.getStatus().getSynthesis().getAttempts()).isEqualTo(1);
        assertThat(condition(failed, "CodeUpdated").getReason()).isEqualTo("NoValidCode");
        assertThat(configMap("hasty-code")).isNull();
        assertThat(llm.requests()).hasSize(before + 1);
    }

    @Test
    void anUnreachableLlmIsRetriedWithBackoffUntilItAnswers() {
        int before = llm.requests().size();
        double unavailable = syntheses("unavailable");
        // one synthesis = the client's two attempts; both fail
        llm.thenError(503, "upstream down").thenError(503, "upstream down");
        llm.thenText("```java\n" + VALID + "\n```");
        client.resource(Fixtures.agent(NS, "patient", "qwen")).create();

        LanguageAgent waiting =
                eventually().until(() -> agent("patient"), a -> hasReason(a, "Synthesized", "SynthesisUnavailable"));
        assertThat(condition(waiting, "Synthesized").getMessage()).contains("1 failure(s) in a row");
        assertThat(syntheses("unavailable")).isEqualTo(unavailable + 1);
        assertThat(configMap("patient-code")).isNull();

        eventually().until(() -> agent("patient"), a -> isTrue(a, "CodeUpdated"));
        assertThat(configMap("patient-code").getData()).containsEntry("Agent.java", VALID);
        assertThat(llm.requests()).hasSize(before + 3);
    }

    @Test
    void aPersonaIsDistilledFirstAndAChangeOfItWritesTheAgentAgain() {
        String name = "analysed-" + NAMES.incrementAndGet();
        client.resource(Fixtures.persona(NS, name)).create();
        int before = llm.requests().size();
        llm.thenText("Careful analyst who cites sources.").thenText("```java\n" + VALID + "\n```");
        LanguageAgent agent = Fixtures.agent(NS, name, "qwen");
        PersonaReference ref = new PersonaReference();
        ref.setName(name);
        agent.getSpec().setPersonaRef(ref);
        client.resource(agent).create();

        eventually().until(() -> podCodeHash(name + "-agent"), SynthesisFingerprint.sha256(VALID)::equals);
        assertThat(llm.requests()).hasSize(before + 2);
        assertThat(llm.messagesOf(before)).singleElement().asString().contains("You are a careful analyst.");
        assertThat(llm.messagesOf(before + 1))
                .singleElement()
                .asString()
                .contains("Careful analyst who cites sources.");

        String third = VALID + "\n// terse persona " + name + "\n";
        llm.thenText("Terse analyst.").thenText("```java\n" + third + "```");
        LanguagePersona persona = client.resources(LanguagePersona.class)
                .inNamespace(NS)
                .withName(name)
                .get();
        persona.getSpec().setSystemPrompt("You are a terse analyst.");
        Edits.replaceSpec(client, persona);

        eventually().until(() -> podCodeHash(name + "-agent"), SynthesisFingerprint.sha256(third.strip())::equals);
        assertThat(llm.requests()).hasSize(before + 4);
        assertThat(llm.messagesOf(before + 2)).singleElement().asString().contains("You are a terse analyst.");
        assertThat(llm.messagesOf(before + 3)).singleElement().asString().contains("Terse analyst.");
    }

    @Test
    void thePromptListsTheCatalogOfEveryToolAndTheAgentWaitsForACatalogBeingListed() throws Exception {
        // a service tool, a sidecar tool (listed by its catalog pod) and a service tool whose server starts late
        services.serve(NS, "search-tool", searchTools.url());
        client.resource(Fixtures.tool(NS, "search", DeploymentMode.SERVICE, 8080))
                .create();
        services.serve(NS, "mailer-tool", mailTools.url());
        client.resource(Fixtures.tool(NS, "mailer", DeploymentMode.SIDECAR, 8081))
                .create();
        int latePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            latePort = probe.getLocalPort();
        }
        services.serve(NS, "translator-tool", URI.create("http://127.0.0.1:" + latePort));
        client.resource(Fixtures.tool(NS, "translator", DeploymentMode.SERVICE, 8080))
                .create();
        int before = llm.requests().size();
        llm.thenText("```java\n" + VALID + "\n```");
        client.resource(Fixtures.agent(NS, "equipped", "qwen", "search", "mailer", "translator"))
                .create();

        // the other two are listed at once; the translator's server does not answer yet
        LanguageAgent waiting = eventually()
                .until(
                        () -> agent("equipped"),
                        a -> hasReason(a, "Synthesized", "WaitingForToolCatalog")
                                && condition(a, "Synthesized")
                                        .getMessage()
                                        .startsWith("waiting for the tools of LanguageTool translator: "));
        assertThat(condition(waiting, "Synthesized").getMessage()).contains("did not list its tools");
        assertThat(llm.requests())
                .as("no LLM call before every catalog is known")
                .hasSize(before);

        try (TestMcpServer translator =
                TestMcpServer.startOn(latePort, TestMcpServer.TestTool.of("translate", "text", args -> ""))) {
            eventually().until(() -> podCodeHash("equipped-agent"), SynthesisFingerprint.sha256(VALID)::equals);
            assertThat(llm.requests()).hasSize(before + 1);
            String prompt = String.join("\n", llm.messagesOf(before));
            assertThat(prompt)
                    .contains("- `web_search(query: string)`: test tool web_search")
                    .contains("- `send_email(to: string)`: test tool send_email")
                    .contains("- `translate(text: string)`: test tool translate")
                    .doesNotContain("Not listed");

            // the translator's server now lists another tool: its catalog changes with its spec, the agent is written
            // again with the new catalog
            translator.close();
            try (TestMcpServer updated = TestMcpServer.startOn(
                    latePort,
                    TestMcpServer.TestTool.of("translate", "text", args -> ""),
                    TestMcpServer.TestTool.of("detect_language", "text", args -> ""))) {
                String second = VALID + "\n// with language detection\n";
                llm.thenText("```java\n" + second + "```");
                LanguageTool tool = client.resources(LanguageTool.class)
                        .inNamespace(NS)
                        .withName("translator")
                        .get();
                tool.getSpec().setImage("ghcr.io/langop/langop-tool-translator:2");
                Edits.replaceSpec(client, tool);
                eventually()
                        .until(
                                () -> podCodeHash("equipped-agent"),
                                SynthesisFingerprint.sha256(second.strip())::equals);
                assertThat(String.join("\n", llm.messagesOf(before + 1)))
                        .contains("- `detect_language(text: string)`: test tool detect_language");
            }
        }
    }

    @Test
    void anAnswerCallingAToolTheAgentDoesNotHaveIsRefusedWithItsRealToolsAndTheRepairedAnswerRollsOut() {
        services.serve(NS, "finder-tool", searchTools.url());
        client.resource(Fixtures.tool(NS, "finder", DeploymentMode.SERVICE, 8080))
                .create();
        String guessed = searching("web");
        String repaired = searching("web_search");
        int before = llm.requests().size();
        llm.thenText("```java\n" + guessed + "\n```").thenText("```java\n" + repaired + "\n```");
        client.resource(Fixtures.agent(NS, "watcher", "qwen", "finder")).create();

        eventually().until(() -> podCodeHash("watcher-agent"), SynthesisFingerprint.sha256(repaired)::equals);
        assertThat(llm.requests()).hasSize(before + 2);
        List<String> conversation = llm.messagesOf(before + 1);
        assertThat(conversation.getLast())
                .as("the repair request")
                .contains("Agent.java:8:")
                .contains("unknown tool 'web'; this agent has: web_search(query)");
        LanguageAgent agent = eventually().until(() -> agent("watcher"), a -> isTrue(a, "Validated"));
        assertThat(agent.getStatus().getSynthesis().getAttempts()).isEqualTo(2);
        assertThat(configMap("watcher-code").getData()).containsEntry("Agent.java", repaired);
        // the repaired code ran once on stand-ins (in a JVM of its own) before it was rolled out
        assertThat(condition(agent, "DryRun")).satisfies(dryRun -> {
            assertThat(dryRun.getStatus()).isEqualTo("True");
            assertThat(dryRun.getReason()).isEqualTo("DryRunPassed");
            assertThat(dryRun.getMessage())
                    .isEqualTo("ran 2 step(s) with 1 tool call(s) and 1 LLM step(s) answered by stand-ins");
        });
        assertThat(eventually().until(() -> eventReasons("watcher"), reasons -> reasons.contains("DryRunPassed")))
                .doesNotContain("DryRunFailed");
        assertThat(searchTools.calls()).as("a dry run calls no real tool").isEmpty();
    }

    @Test
    void codeThatFailsItsDryRunIsRepairedWithTheFailureAndNeverRolledOutUntilItPasses() {
        LanguageAgent agent = agentWithCode("careful", VALID);
        int before = llm.requests().size();
        // a custom step that expects the LLM to answer a number: the stand-in answers text
        String fragile = """
                import io.langop.sdk.agent.AgentDefinition;
                import io.langop.sdk.agent.LangopAgent;

                public class Agent implements LangopAgent {
                    @Override
                    public AgentDefinition define() {
                        return AgentDefinition.builder("counter")
                                .workflow(w -> w.step("count", s -> s.prompt("How many CVEs were published today?"))
                                        .step("double", s -> s.custom(r -> 2 * Integer.parseInt(r.text("count").strip()))
                                                .dependsOn("count")))
                                .build();
                    }
                }""";
        llm.thenText("```java\n" + fragile + "\n```").thenText("```java\n" + fragile + "\n```");
        agent.getSpec().setInstructions("Count today's CVEs and double the number");
        Edits.replaceSpec(client, agent);

        LanguageAgent refused = eventually().until(() -> agent("careful"), a -> hasReason(a, "DryRun", "DryRunFailed"));
        assertThat(condition(refused, "DryRun").getMessage())
                .startsWith("step 'double' failed: NumberFormatException: For input string: \"Stand-in answer")
                .endsWith("(at Agent.java:9)");
        assertThat(isTrue(refused, "Validated"))
                .as("the code passed the checks")
                .isTrue();
        assertThat(condition(refused, "CodeUpdated").getReason()).isEqualTo("PreviousCodeKept");
        assertThat(configMap("careful-code").getData()).containsEntry("Agent.java", VALID);
        assertThat(podCodeHash("careful-agent")).isEqualTo(SynthesisFingerprint.sha256(VALID));
        assertThat(llm.requests()).hasSize(before + 2);
        assertThat(llm.messagesOf(before + 1).getLast())
                .contains("failed its dry run")
                .contains("step 'double' failed: NumberFormatException");
        eventually().until(() -> eventReasons("careful").contains("DryRunFailed"));
        assertThat(eventReasons("careful")).doesNotContain("ValidationFailed");
    }

    @Test
    void newCodeWhoseFirstRunsFailIsRolledBackToTheLastGoodCodeAndWrittenAgainWithTheFailure() {
        String good = VALID + "\n// the version that works\n";
        String failing = VALID + "\n// the version whose runs fail\n";
        String rewritten = VALID + "\n// written again with the failure\n";
        LanguageAgent agent = Fixtures.agent(NS, "nightly", "qwen");
        agent.getSpec().setExecutionMode(io.langop.api.v1alpha1.agent.ExecutionMode.SCHEDULED);
        agent.getSpec().setSchedule("0 3 * * *");
        llm.thenText("```java\n" + good + "```");
        client.resource(agent).create();
        String goodHash = SynthesisFingerprint.sha256(good.strip());
        eventually().until(() -> cronJobCodeHash("nightly-agent"), goodHash::equals);

        // a run of it succeeds: it is the code to come back to
        finishRun("nightly", true, "");
        eventually().until(() -> configMap("nightly-good-code"), found -> found != null);
        assertThat(configMap("nightly-good-code").getData()).containsEntry("Agent.java", good.strip());

        // new instructions, new code; it passes every check and its dry run, and rolls out
        int before = llm.requests().size();
        llm.thenText("```java\n" + failing + "```");
        agent = agent("nightly");
        agent.getSpec().setInstructions("Summarise the news every night, with the weather");
        Edits.replaceSpec(client, agent);
        String failingHash = SynthesisFingerprint.sha256(failing.strip());
        eventually().until(() -> cronJobCodeHash("nightly-agent"), failingHash::equals);

        // its first run fails: one failure is not enough to roll back
        finishRun("nightly", false, "ERROR Run failed: step 'weather' failed: tool 'forecast' is not provided");
        operator.assertNoWritesWhileIdle(Duration.ofMillis(500));
        assertThat(cronJobCodeHash("nightly-agent")).isEqualTo(failingHash);

        // the second fails too: the last good code is put back, and new code is written with the failure
        llm.delayReplies(Duration.ofSeconds(2)).thenText("```java\n" + rewritten + "```");
        finishRun("nightly", false, "ERROR Run failed: step 'weather' failed: tool 'forecast' is not provided");
        LanguageAgent rolledBack = eventually().until(() -> agent("nightly"), a -> isTrue(a, "RolledBack"));
        assertThat(condition(rolledBack, "RolledBack").getMessage())
                .startsWith("code " + failingHash.substring(0, 12) + " failed its first runs, so the last good code "
                        + goodHash.substring(0, 12) + " runs again: 2 run(s) failed; the last, Job nightly-agent-")
                .contains("BackoffLimitExceeded")
                .contains("exit status 1:\nERROR Run failed: step 'weather' failed: tool 'forecast' is not provided");
        assertThat(cronJobCodeHash("nightly-agent")).isIn(goodHash, SynthesisFingerprint.sha256(rewritten.strip()));
        assertThat(eventually().until(() -> eventReasons("nightly"), reasons -> reasons.contains("RolledBack")))
                .isNotEmpty();

        String rewrittenHash = SynthesisFingerprint.sha256(rewritten.strip());
        eventually().until(() -> cronJobCodeHash("nightly-agent"), rewrittenHash::equals);
        llm.delayReplies(Duration.ZERO);
        assertThat(llm.requests()).hasSize(before + 2);
        assertThat(String.join("\n", llm.messagesOf(before + 1)))
                .contains("with the weather")
                .contains("## How the previous code failed")
                .contains("step 'weather' failed: tool 'forecast' is not provided");
        LanguageAgent current = eventually()
                .until(
                        () -> agent("nightly"),
                        a -> hasReason(a, "RolledBack", "Rewritten") && isTrue(a, "CodeUpdated"));
        assertThat(current.getStatus().getSynthesis().getCodeHash()).isEqualTo(rewrittenHash);
        assertThat(condition(current, "RolledBack").getMessage())
                .startsWith("code " + rewrittenHash.substring(0, 12) + " was written after code "
                        + failingHash.substring(0, 12) + " failed its first runs: ");
        assertThat(configMap("nightly-good-code").getData())
                .as("still the code a run succeeded with")
                .containsEntry("Agent.java", good.strip());
        assertThat(configMap("nightly-code").getMetadata().getAnnotations())
                .as("the record of the rollback stays with the code put back, not with the code written after it")
                .doesNotContainKeys(AgentSource.ROLLED_BACK_FROM, AgentSource.ROLLBACK_INPUTS)
                .containsKey(AgentSource.REWRITE_OF);
        eventually().until(() -> eventReasons("nightly").contains("RewrittenAfterRollback"));
    }

    /**
     * One run of the scheduled agent's current code ends, as the CronJob controller, the Job controller and the
     * kubelet would record it (the mock API server runs none of them): a Job from the CronJob's template, with its
     * outcome, and its pod with the agent container's termination message (its log tail).
     */
    private static void finishRun(String agent, boolean succeeded, String log) {
        io.fabric8.kubernetes.api.model.batch.v1.CronJob cronJob = client.batch()
                .v1()
                .cronjobs()
                .inNamespace(NS)
                .withName(agent + "-agent")
                .get();
        String name = agent + "-agent-" + RUNS.incrementAndGet();
        var template = cronJob.getSpec().getJobTemplate();
        // the pod ends before its Job is marked failed, as in a cluster: the operator reads the Job's pods then
        client.resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                        .withNewMetadata()
                        .withName(name + "-pod")
                        .withNamespace(NS)
                        .withLabels(Map.of("job-name", name))
                        .endMetadata()
                        .withNewStatus()
                        .addNewContainerStatus()
                        .withName("agent")
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(succeeded ? 0 : 1)
                        .withMessage(log)
                        .endTerminated()
                        .endState()
                        .endContainerStatus()
                        .endStatus()
                        .build())
                .create();
        client.resource(new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NS)
                        .withLabels(template.getMetadata().getLabels())
                        .endMetadata()
                        .withSpec(template.getSpec())
                        .withNewStatus()
                        .addNewCondition()
                        .withType(succeeded ? "Complete" : "Failed")
                        .withStatus("True")
                        .withReason(succeeded ? null : "BackoffLimitExceeded")
                        .withMessage(succeeded ? null : "Job has reached the specified backoff limit")
                        .endCondition()
                        .endStatus()
                        .build())
                .create();
    }

    private static String cronJobCodeHash(String name) {
        var found =
                client.batch().v1().cronjobs().inNamespace(NS).withName(name).get();
        if (found == null) {
            return null;
        }
        var annotations = found.getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations();
        return annotations == null ? null : annotations.get("langop.io/code-hash");
    }

    /** An autonomous agent that searches with {@code tool} and summarizes what it found. */
    private static String searching(String tool) {
        return """
                import io.langop.sdk.agent.AgentDefinition;
                import io.langop.sdk.agent.LangopAgent;

                public class Agent implements LangopAgent {
                    @Override
                    public AgentDefinition define() {
                        return AgentDefinition.builder("cve-watch")
                                .workflow(w -> w.step("search", s -> s.tool("%s").param("query", "Kubernetes CVE {date}"))
                                        .step("summary", s -> s.prompt("Summarize: {search}").dependsOn("search")))
                                .build();
                    }
                }""".formatted(tool);
    }

    @Test
    void aDeletedAgentIsForgottenSoTheSameAgentCreatedAgainIsWrittenAgain() {
        // a slow answer keeps the first synthesis in flight while the agent is deleted
        String first = VALID + "\n// written for the deleted agent\n";
        String second = VALID + "\n// written for the new agent\n";
        int before = llm.requests().size();
        llm.delayReplies(Duration.ofSeconds(4)).thenText("```java\n" + first + "```");
        client.resource(Fixtures.agent(NS, "fleeting", "qwen")).create();
        eventually().until(() -> llm.requests().size() == before + 1);
        String uid = agent("fleeting").getMetadata().getUid();
        client.resources(LanguageAgent.class)
                .inNamespace(NS)
                .withName("fleeting")
                .delete();
        eventually().until(() -> agent("fleeting") == null);
        collectGarbageOf(uid);
        llm.delayReplies(Duration.ZERO).thenText("```java\n" + second + "```");
        client.resource(Fixtures.agent(NS, "fleeting", "qwen")).create();

        // same inputs: without forget, the run of the deleted agent would have delivered the first code
        eventually().until(() -> podCodeHash("fleeting-agent"), SynthesisFingerprint.sha256(second.strip())::equals);
        assertThat(configMap("fleeting-code").getData()).containsEntry("Agent.java", second.strip());
        assertThat(llm.requests()).hasSize(before + 2);
    }

    @Test
    void failuresAreSummarizedInConditionsAndEventsWithoutTheApiKey() {
        int before = llm.requests().size();
        // OpenAI-style error bodies echo the key that was refused
        llm.thenError(401, "Incorrect API key provided: " + API_KEY + ". You can find your API key in your account.")
                .thenError(401, "Incorrect API key provided: " + API_KEY + ".");
        llm.thenText("```java\n" + VALID + "\n```");
        client.resource(Fixtures.agent(NS, "locked", "qwen")).create();

        LanguageAgent waiting =
                eventually().until(() -> agent("locked"), a -> hasReason(a, "Synthesized", "SynthesisUnavailable"));
        assertThat(condition(waiting, "Synthesized").getMessage())
                .contains("Incorrect API key")
                .doesNotContain(API_KEY)
                .contains("<redacted>");
        List<Event> events = eventually()
                .until(
                        () -> events("locked"),
                        found -> found.stream().anyMatch(event -> "SynthesisFailed".equals(event.getReason())));
        assertThat(events).allSatisfy(event -> assertThat(event.getMessage()).doesNotContain(API_KEY));
        eventually().until(() -> agent("locked"), a -> isTrue(a, "CodeUpdated"));
        assertThat(llm.requests()).hasSize(before + 3);
    }

    @Test
    void broughtCodeIsCheckedNotSynthesized() {
        int before = llm.requests().size();
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("handwritten")
                        .withNamespace(NS)
                        .endMetadata()
                        .withData(Map.of("main.java", VALID, "broken.java", INVALID))
                        .build())
                .create();
        LanguageAgent own = Fixtures.agent(NS, "own", "qwen");
        own.getSpec().setInstructions(null);
        CodeReference ref = new CodeReference();
        ref.setName("handwritten");
        ref.setKey("main.java");
        own.getSpec().setCodeRef(ref);
        client.resource(own).create();

        eventually().until(() -> agent("own"), a -> isTrue(a, "Validated"));
        eventually().until(() -> podCodeHash("own-agent"), SynthesisFingerprint.sha256(VALID)::equals);
        assertThat(configMap("handwritten").getData()).containsKey("broken.java"); // the user's ConfigMap is left alone

        // reconciles read the brought code from the informer: an unrelated change makes no GET of it
        int mark = operator.api().requests().mark();
        own.getSpec().setReplicas(2);
        Edits.replaceSpec(client, own);
        eventually().until(() -> deployment("own-agent").getSpec().getReplicas() == 2);
        assertThat(operator.api().requests().since(mark))
                .noneMatch(request -> request.method().equals("GET")
                        && request.path().contains("/configmaps/handwritten")
                        && !request.isWatch());

        // an edit of the referenced ConfigMap is checked and rolled out
        String edited = VALID + "\n// edited by hand\n";
        client.configMaps().inNamespace(NS).withName("handwritten").edit(configMap -> {
            configMap.getData().put("main.java", edited);
            return configMap;
        });
        eventually().until(() -> podCodeHash("own-agent"), SynthesisFingerprint.sha256(edited)::equals);
        own = agent("own");

        own.getSpec().getCodeRef().setKey("broken.java");
        Edits.replaceSpec(client, own);
        LanguageAgent refused =
                eventually().until(() -> agent("own"), a -> hasReason(a, "Validated", "ValidationFailed"));
        assertThat(condition(refused, "Validated").getMessage())
                .startsWith("ConfigMap handwritten has ")
                .contains("cannot be converted to int");
        assertThat(condition(refused, "Synthesized")).isNull();
        assertThat(configMap("own-code")).isNull(); // nothing synthesized
        assertThat(llm.requests()).hasSize(before);
    }

    @Test
    void broughtCodeNamedLikeTheSynthesizedConfigMapIsLeftAlone() {
        // <agent>-code is the name people pick for their own code, and the name of the ConfigMap synthesis writes
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("namesake-code")
                        .withNamespace(NS)
                        .endMetadata()
                        .withData(Map.of("Agent.java", VALID))
                        .build())
                .create();
        LanguageAgent agent = Fixtures.agent(NS, "namesake", "qwen");
        agent.getSpec().setInstructions(null);
        CodeReference ref = new CodeReference();
        ref.setName("namesake-code");
        agent.getSpec().setCodeRef(ref);
        client.resource(agent).create();

        eventually().until(() -> podCodeHash("namesake-agent"), SynthesisFingerprint.sha256(VALID)::equals);
        eventually().until(() -> agent("namesake"), a -> isTrue(a, "Validated"));
        // a few more reconciles (a spec change) must not take the user's ConfigMap for a stale synthesized one
        agent = agent("namesake");
        agent.getSpec().setReplicas(2);
        Edits.replaceSpec(client, agent);
        eventually().until(() -> deployment("namesake-agent").getSpec().getReplicas() == 2);
        assertThat(configMap("namesake-code"))
                .isNotNull()
                .satisfies(configMap -> assertThat(configMap.getData()).containsEntry("Agent.java", VALID));
        assertThat(agent("namesake")).matches(a -> isTrue(a, "Validated"));
    }

    /** Generous: a reconcile retried after a conflict on a loaded machine must not fail the test. */
    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }

    /** An agent whose first synthesis has landed. */
    private static LanguageAgent agentWithCode(String name, String source) {
        llm.thenText("```java\n" + source + "\n```");
        client.resource(Fixtures.agent(NS, name, "qwen")).create();
        String hash = SynthesisFingerprint.sha256(source);
        eventually().until(() -> podCodeHash(name + "-agent"), hash::equals);
        return eventually().until(() -> agent(name), a -> isTrue(a, "CodeUpdated"));
    }

    /** The mock API server has no garbage collector: delete what the agent owned, as the cluster would. */
    private static void collectGarbageOf(String ownerUid) {
        java.util.function.Predicate<io.fabric8.kubernetes.api.model.HasMetadata> owned = object ->
                object.getMetadata().getOwnerReferences().stream().anyMatch(owner -> ownerUid.equals(owner.getUid()));
        eventually().until(() -> {
            List<io.fabric8.kubernetes.api.model.HasMetadata> objects = new java.util.ArrayList<>();
            objects.addAll(client.apps().deployments().inNamespace(NS).list().getItems());
            objects.addAll(client.configMaps().inNamespace(NS).list().getItems());
            objects.addAll(
                    client.network().networkPolicies().inNamespace(NS).list().getItems());
            objects.addAll(
                    client.persistentVolumeClaims().inNamespace(NS).list().getItems());
            objects.stream()
                    .filter(owned)
                    .forEach(object -> client.resource(object).delete());
            return objects.stream().noneMatch(owned);
        });
    }

    private static List<String> eventReasons(String agent) {
        return events(agent).stream().map(Event::getReason).toList();
    }

    private static List<Event> events(String agent) {
        return Fixtures.events(client, NS, agent);
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

    private static Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static String podCodeHash(String deployment) {
        return Fixtures.codeHash(deployment(deployment));
    }

    private static boolean hasReason(LanguageAgent agent, String type, String reason) {
        Condition condition = condition(agent, type);
        return condition != null && reason.equals(condition.getReason());
    }

    /** How many syntheses ended with {@code outcome} so far, as the operator's meter counts them. */
    private static double syntheses(String outcome) {
        Counter counter = operator.meters()
                .find(Meters.OPERATOR_SYNTHESES.name())
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
