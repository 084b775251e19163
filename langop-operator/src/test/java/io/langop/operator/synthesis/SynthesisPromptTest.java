package io.langop.operator.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SynthesisPromptTest {

    private final SynthesisPrompt prompt = SynthesisPrompt.bundled();

    @Test
    void theWorkedExampleShownToTheModelPassesTheCodeChecker() {
        CheckResult result = CodeChecker.forRuntimeClasspath().check(prompt.workedExample());
        assertThat(result.passed()).as(result.report("Agent.java")).isTrue();
    }

    @Test
    void userTextIsInsertedVerbatimEvenWithTemplateLookalikes() {
        String instructions = "Post {{agentName}} and {date} in the title; use {\"json\": true}";
        String text = prompt.synthesis(new AgentBrief(
                Briefs.request("digest", instructions, ToolCatalog.of(List.of()), Optional.of("0 9 * * 1-5")),
                "Be brief."));

        assertThat(text)
                .contains(instructions)
                .contains("None: the agent works with the LLM alone.")
                .contains("Be brief.")
                .contains("`0 9 * * 1-5`");
        assertThat(text.split("\\{\\{", -1))
                .as("only the user's own {{ is left")
                .hasSize(2);
    }

    @Test
    void theVersionFollowsTheTemplatesText() {
        assertThat(prompt.version())
                .matches("sha256-[0-9a-f]{12}")
                .isEqualTo(SynthesisPrompt.bundled().version());
    }

    @Test
    void theRepairPromptCarriesTheDiagnostics() {
        assertThat(prompt.repair("Agent.java:3:5: error: cannot find symbol"))
                .contains("Agent.java:3:5: error: cannot find symbol");
    }
}
