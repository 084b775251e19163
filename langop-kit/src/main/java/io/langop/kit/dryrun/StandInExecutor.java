package io.langop.kit.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.kit.catalog.CatalogTool;
import io.langop.kit.catalog.ToolParameter;
import io.langop.sdk.workflow.StepExecutor;
import io.langop.sdk.workflow.StepResult;
import io.langop.sdk.workflow.StepResults;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers a dry run's tool and LLM steps without calling anything: a tool with an output schema answers a
 * sample of it (its structured content and that rendered as its text), a text-only tool a line saying it
 * is a stand-in; a call without a parameter the tool requires fails as the real server would refuse it.
 * An LLM step answers a fixed line: the dry run proves the code around the model, not the model.
 */
final class StandInExecutor implements StepExecutor {

    private final Map<String, CatalogTool> tools;
    private final AtomicInteger toolCalls = new AtomicInteger();
    private final AtomicInteger prompts = new AtomicInteger();

    StandInExecutor(List<CatalogTool> tools) {
        this.tools = tools.stream().collect(Collectors.toMap(CatalogTool::name, Function.identity(), (a, b) -> a));
    }

    @Override
    public StepResult callTool(String tool, Map<String, Object> arguments) {
        toolCalls.incrementAndGet();
        CatalogTool listed = tools.get(tool);
        if (listed == null) {
            // only an incomplete catalog lets code through with a tool it does not list: nothing to follow
            return StepResult.ofText("stand-in answer of " + tool + " (dry run)");
        }
        for (ToolParameter parameter : listed.parameters()) {
            if (parameter.required() && arguments.get(parameter.name()) == null) {
                throw new IllegalArgumentException("tool " + listed.signature()
                        + " was called without its required parameter '" + parameter.name() + "'");
            }
        }
        if (listed.outputSchema().isEmpty()) {
            return StepResult.ofText("stand-in answer of " + tool + " (dry run): " + arguments);
        }
        JsonNode sample = SchemaSamples.sample(listed.outputSchema().get(), "");
        return new StepResult(sample, StepResults.render(sample));
    }

    /** The stand-in model calls no tool, so the tools a step allows change nothing. */
    @Override
    public String prompt(String prompt, Optional<Set<String>> allowedTools) {
        prompts.incrementAndGet();
        return "Stand-in answer of the LLM (dry run) to a prompt of " + prompt.length() + " characters.";
    }

    int toolCalls() {
        return toolCalls.get();
    }

    int prompts() {
        return prompts.get();
    }
}
