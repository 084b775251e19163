package io.langop.sdk.workflow;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What tool and prompt steps need from the outside world: MCP tools and the LLM tool loop. */
public interface StepExecutor {

    /** Calls an MCP tool: its structured content (or JSON answer) as the value, and the text it wrote. */
    StepResult callTool(String tool, Map<String, Object> arguments) throws Exception;

    /**
     * Runs an LLM task and returns the final answer.
     *
     * @param tools the tools the LLM may call: every tool of the agent when empty, only these when present
     *     (none for an empty set), as the step's {@link StepBuilder#tools} says
     */
    String prompt(String prompt, Optional<Set<String>> tools) throws Exception;
}
