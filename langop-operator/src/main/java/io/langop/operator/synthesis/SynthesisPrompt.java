package io.langop.operator.synthesis;

import io.langop.kit.catalog.CatalogTool;
import io.langop.kit.catalog.ToolCatalog;
import java.util.Map;

/**
 * The versioned prompts of synthesis: the request for {@code Agent.java}, the repair request that
 * carries compiler and policy diagnostics back to the LLM, and the one that carries a failed dry run. The version is derived from the templates'
 * text, so editing a template is all it takes to make every agent be synthesized again.
 */
public final class SynthesisPrompt {

    private final PromptTemplate synthesisTemplate;
    private final PromptTemplate repairTemplate;
    private final PromptTemplate dryRunRepairTemplate;
    private final String workedExample;
    private final String version;

    private SynthesisPrompt(
            PromptTemplate synthesisTemplate,
            PromptTemplate repairTemplate,
            PromptTemplate dryRunRepairTemplate,
            String workedExample) {
        this.synthesisTemplate = synthesisTemplate;
        this.repairTemplate = repairTemplate;
        this.dryRunRepairTemplate = dryRunRepairTemplate;
        this.workedExample = workedExample;
        this.version = "sha256-"
                + SynthesisFingerprint.sha256(synthesisTemplate.text()
                                + repairTemplate.text()
                                + dryRunRepairTemplate.text()
                                + workedExample)
                        .substring(0, 12);
    }

    /** The templates shipped with the operator. */
    public static SynthesisPrompt bundled() {
        return new SynthesisPrompt(
                PromptTemplate.bundled("synthesis-prompt.md"),
                PromptTemplate.bundled("repair-prompt.md"),
                PromptTemplate.bundled("dry-run-repair-prompt.md"),
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
        SynthesisRequest request = brief.request();
        return synthesisTemplate.fill(Map.of(
                "agentName", request.agentName(),
                "namespace", request.namespace(),
                "instructions", request.instructions().strip(),
                "schedule",
                        request.setting()
                                .schedule()
                                .map(cron -> "- schedule (from the resource, use it): `" + cron + "`")
                                .orElse(""),
                "tools", tools(request.setting().tools()),
                "models",
                        request.models().isEmpty()
                                ? "The operator's default model."
                                : String.join(", ", request.models()),
                "persona", brief.persona().isEmpty() ? "None given." : brief.persona(),
                "runFailure",
                        request.runFailure().map(SynthesisPrompt::runFailure).orElse(""),
                "example", workedExample.strip()));
    }

    /**
     * The catalog, one line per tool: {@code - `web_search(query: string, max_results?: integer)`: Search the
     * web. Answers {results: [{title, url}]}}. Also what the tool-set part of the prompt's size is spent on,
     * so descriptions are cut to their first sentence.
     */
    static String tools(ToolCatalog catalog) {
        if (catalog.tools().isEmpty() && catalog.complete()) {
            return "None: the agent works with the LLM alone.";
        }
        StringBuilder lines = new StringBuilder();
        for (CatalogTool tool : catalog.tools()) {
            lines.append("- `").append(tool.typedSignature()).append('`');
            if (!tool.summary().isEmpty()) {
                lines.append(": ").append(tool.summary());
            }
            tool.outputSummary()
                    .ifPresent(
                            fields -> lines.append(" Answers ").append(fields).append('.'));
            lines.append('\n');
        }
        if (!catalog.complete()) {
            lines.append("- Not listed, so their tools are unknown (use none of them): ")
                    .append(String.join("; ", catalog.unlisted()))
                    .append('\n');
        }
        return lines.toString().strip();
    }

    /** The section of a rewrite after a rollback: how the previous code failed when it ran. */
    private static String runFailure(String failure) {
        return "## How the previous code failed\n"
                + "Code written for these instructions before passed every check but failed its first runs, and was"
                + " rolled back. What happened:\n\n```\n"
                + failure.strip()
                + "\n```\n\nWrite code that does not fail this way.\n";
    }

    public String repair(String diagnostics) {
        return repairTemplate.fill(Map.of("diagnostics", diagnostics.strip()));
    }

    /** The repair request after code that passed the checks failed its dry run. */
    public String dryRunRepair(String failure) {
        return dryRunRepairTemplate.fill(Map.of("failure", failure.strip()));
    }
}
