package io.langop.sdk.workflow;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a step does when it runs: call an MCP tool, ask the LLM, or run Java logic. */
public sealed interface StepAction {

    /** Calls an MCP tool; string parameter values may contain placeholders. */
    record CallTool(String tool, Map<String, Object> params) implements StepAction {
        public CallTool {
            params = Map.copyOf(params);
        }
    }

    /**
     * Runs an LLM task on the filled-in prompt template.
     *
     * @param tools the tools the LLM may call: every tool of the agent when empty, only these when present
     */
    record Prompt(String template, Optional<Set<String>> tools) implements StepAction {
        public Prompt {
            tools = tools.map(Set::copyOf);
        }
    }

    /** Runs Java logic over the results of the step's dependencies. */
    record Custom(CustomLogic logic) implements StepAction {}

    /**
     * A custom step's body. What it returns becomes the step's result: a {@code String} is the text as it
     * is; a {@code JsonNode}, {@code Map}, {@code List}, record, number or boolean becomes its JSON value
     * (read with {@code {step.field}}, {@code results.field(step, path)}), rendered as compact JSON for
     * {@code {step}}; {@code null} is JSON null. An exception fails the step, and with it the run.
     */
    @FunctionalInterface
    interface CustomLogic {
        Object apply(StepResults results) throws Exception;
    }
}
