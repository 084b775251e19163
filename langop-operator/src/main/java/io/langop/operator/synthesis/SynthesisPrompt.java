package io.langop.operator.synthesis;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The versioned prompts of synthesis: the request for {@code Agent.java} and the repair request that
 * carries compiler and policy diagnostics back to the LLM. The version is derived from the templates'
 * text, so editing a template is all it takes to make every agent be synthesized again.
 */
public final class SynthesisPrompt {

    private final PromptTemplate synthesisTemplate;
    private final PromptTemplate repairTemplate;
    private final String workedExample;
    private final String version;

    private SynthesisPrompt(PromptTemplate synthesisTemplate, PromptTemplate repairTemplate, String workedExample) {
        this.synthesisTemplate = synthesisTemplate;
        this.repairTemplate = repairTemplate;
        this.workedExample = workedExample;
        this.version = "sha256-"
                + SynthesisFingerprint.sha256(synthesisTemplate.text() + repairTemplate.text() + workedExample)
                        .substring(0, 12);
    }

    /** The templates shipped with the operator. */
    public static SynthesisPrompt bundled() {
        return new SynthesisPrompt(
                PromptTemplate.bundled("synthesis-prompt.md"),
                PromptTemplate.bundled("repair-prompt.md"),
                PromptTemplate.bundled("worked-example.java").text());
    }

    public String version() {
        return version;
    }

    /** The worked example the prompt shows; a test proves it passes the code checker. */
    public String workedExample() {
        return workedExample;
    }

    public String synthesis(AgentBrief brief) {
        return synthesisTemplate.fill(Map.of(
                "agentName", brief.agentName(),
                "namespace", brief.namespace(),
                "instructions", brief.instructions().strip(),
                "schedule",
                        brief.schedule()
                                .map(cron -> "- schedule (from the resource, use it): `" + cron + "`")
                                .orElse(""),
                "tools",
                        brief.tools().isEmpty()
                                ? "None: the agent works with the LLM alone."
                                : brief.tools().stream()
                                        .map(ToolDescriptor::promptLine)
                                        .collect(Collectors.joining("\n")),
                "models",
                        brief.models().isEmpty() ? "The operator's default model." : String.join(", ", brief.models()),
                "persona", brief.persona().isEmpty() ? "None given." : brief.persona(),
                "example", workedExample.strip()));
    }

    public String repair(String diagnostics) {
        return repairTemplate.fill(Map.of("diagnostics", diagnostics.strip()));
    }
}
