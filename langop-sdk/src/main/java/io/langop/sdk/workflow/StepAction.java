package io.langop.sdk.workflow;

import java.util.Map;

/** What a step does when it runs: call an MCP tool, ask the LLM, or run Java logic. */
public sealed interface StepAction {

    /** Calls an MCP tool; string parameter values may contain placeholders. */
    record CallTool(String tool, Map<String, Object> params) implements StepAction {
        public CallTool {
            params = Map.copyOf(params);
        }
    }

    /** Runs an LLM task (with access to every tool) on the filled-in prompt template. */
    record Prompt(String template) implements StepAction {}

    /** Runs Java logic over the results of the step's dependencies. */
    record Custom(CustomLogic logic) implements StepAction {}

    /** A custom step's body; its return value (any JSON-mappable object) becomes the step's result. */
    @FunctionalInterface
    interface CustomLogic {
        Object apply(StepResults results) throws Exception;
    }
}
