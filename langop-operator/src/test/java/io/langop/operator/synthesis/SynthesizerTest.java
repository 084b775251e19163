package io.langop.operator.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.check.CodeChecker;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.retry.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SynthesizerTest {

    private static final SynthesisPrompt PROMPT = SynthesisPrompt.bundled();
    private static final String VALID = PROMPT.workedExample();
    private static final AgentBrief BRIEF = Briefs.brief(
            "k8s-cve-digest",
            "Every weekday at 9 search the web for new Kubernetes CVEs and mail a summary to platform@example.com",
            ToolCatalog.of(Briefs.WEB_AND_MAIL),
            Optional.of("0 9 * * 1-5"));

    private static CodeChecker checker;
    private ScriptedOpenAiServer llm;
    private Synthesizer synthesizer;

    @BeforeAll
    static void compilerOnce() {
        checker = CodeChecker.forRuntimeClasspath();
    }

    @BeforeEach
    void scriptedLlm() throws Exception {
        llm = new ScriptedOpenAiServer();
        LlmClient client = LlmClient.openAiCompatible(
                llm.baseUrl(),
                "sk-test",
                "synth-model",
                Duration.ofSeconds(10),
                new Backoff(2, Duration.ofMillis(10), Duration.ofMillis(20)));
        synthesizer = new Synthesizer(client, checker, ChildJvmDryRun.ofThisJvm(), PROMPT, 2);
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    @Test
    void aCheckedAnswerInChatterIsTheResultOfOneAttempt() throws Exception {
        llm.thenText("Here you go!\n```java\n" + VALID + "\n```\nEnjoy.", 1200, 300);

        SynthesisResult result = synthesizer.synthesize(BRIEF);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.source()).contains(VALID.strip());
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.promptTokens()).isEqualTo(1200);
        assertThat(result.completionTokens()).isEqualTo(300);
        assertThat(result.model()).isEqualTo("synth-model");
        assertThat(result.errors()).isEmpty();
        assertThat(llm.messagesOf(0))
                .singleElement()
                .asString()
                .startsWith("user: ")
                .contains(BRIEF.request().instructions())
                .contains("- `web_search(query: string, max_results?: integer)`: Search the web."
                        + " Answers {results: [{title, url}]}.")
                .contains("- `send_email(to: string, subject: string, body: string, cc?: string)`: Send an e-mail.\n")
                .contains("Use the agent name \"k8s-cve-digest\"");
    }

    @Test
    void aCompileErrorGoesBackToTheModelAndIsRepairedInRoundTwo() throws Exception {
        String broken = VALID.replace(".maxIterations(20)", ".maxIterations(\"twenty\")");
        llm.thenText("```java\n" + broken + "\n```", 1000, 200).thenText("```java\n" + VALID + "\n```", 1500, 250);

        SynthesisResult result = synthesizer.synthesize(BRIEF);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.promptTokens()).isEqualTo(2500);
        assertThat(result.completionTokens()).isEqualTo(450);
        List<String> repairConversation = llm.messagesOf(1);
        assertThat(repairConversation).hasSize(3);
        assertThat(repairConversation.get(1)).startsWith("assistant: ").contains("\"twenty\"");
        assertThat(repairConversation.get(2)).startsWith("user: ").containsPattern("Agent\\.java:\\d+:\\d+");
    }

    @Test
    void codeThatFailsItsDryRunGoesBackToTheModelWithTheFailureAndTheRepairPassesItsOwn() throws Exception {
        // the model expects the summary to start with a count; the stand-in LLM answers plain text
        String fragile = VALID.replace(
                ".when(results -> !results.text(\"summary\").isBlank())",
                ".when(results -> Integer.parseInt(results.text(\"summary\").split(\" \")[0]) > 0)");
        assertThat(fragile).isNotEqualTo(VALID);
        llm.thenText("```java\n" + fragile + "\n```").thenText("```java\n" + VALID + "\n```");

        SynthesisResult result = synthesizer.synthesize(BRIEF);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.dryRun()).hasValueSatisfying(dryRun -> {
            assertThat(dryRun.passed()).isTrue();
            assertThat(dryRun.completed()).containsExactly("search", "summary", "mail");
            assertThat(dryRun.toolCalls()).isEqualTo(2);
        });
        assertThat(llm.messagesOf(1).get(2))
                .startsWith("user: The file you wrote compiled and passed the safety and semantic checks, but failed"
                        + " its dry run.")
                .contains("step 'mail' failed: NumberFormatException: For input string: \"Stand-in\" (at Agent.java:");
    }

    @Test
    void codeThatKeepsFailingItsDryRunIsRefusedWithTheFailure() throws Exception {
        String looping = VALID.replace(
                ".when(results -> !results.text(\"summary\").isBlank())",
                ".when(results -> results.json(\"search\").path(\"results\").get(5).isNull())");
        for (int i = 0; i < 3; i++) {
            llm.thenText("```java\n" + looping + "\n```");
        }

        SynthesisResult result = synthesizer.synthesize(BRIEF);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.errors())
                .singleElement()
                .asString()
                .startsWith(Synthesizer.DRY_RUN_PREFIX + "step 'mail' failed: NullPointerException");
        assertThat(result.dryRun())
                .hasValueSatisfying(dryRun -> assertThat(dryRun.failedStep()).contains("mail"));
    }

    @Test
    void forbiddenCodeThatIsNeverRepairedFailsWithTheDiagnostics() throws Exception {
        String escaping = VALID.replace(
                "return AgentDefinition", "new ProcessBuilder(\"sh\").inheritIO();\n        return AgentDefinition");
        for (int i = 0; i < 3; i++) {
            llm.thenText("```java\n" + escaping + "\n```");
        }

        SynthesisResult result = synthesizer.synthesize(BRIEF);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.source()).isEmpty();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.errors())
                .isNotEmpty()
                .allSatisfy(error -> assertThat(error).startsWith("Agent.java:"));
        assertThat(String.join("\n", result.errors()))
                .contains("ProcessBuilder")
                .contains("processes");
        assertThat(llm.requests()).hasSize(3);
    }

    @Test
    void anAnswerWithoutCodeIsAskedAgain() throws Exception {
        llm.thenText("I would be happy to help! What should the agent do?").thenText("```java\n" + VALID + "\n```");

        SynthesisResult result = synthesizer.synthesize(BRIEF);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(llm.messagesOf(1).get(2)).contains("the answer contained no Java source file");
    }

    @Test
    void anUnreachableLlmIsReportedAsUnavailable() {
        llm.thenError(503, "overloaded").thenError(503, "overloaded");

        assertThatThrownBy(() -> synthesizer.synthesize(BRIEF))
                .isInstanceOf(SynthesisUnavailableException.class)
                .hasMessageContaining("synthesis of team-a/k8s-cve-digest failed: LLM call to " + llm.baseUrl()
                        + " (model synth-model) failed: ")
                .hasMessageContaining("overloaded")
                .hasMessageNotContaining(": null");
        assertThat(llm.requests()).hasSize(2);
    }
}
