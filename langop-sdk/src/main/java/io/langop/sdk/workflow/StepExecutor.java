package io.langop.sdk.workflow;

import java.util.Map;

/** What tool and prompt steps need from the outside world: MCP tools and the LLM tool loop. */
public interface StepExecutor {

    /** Calls an MCP tool: its structured content (or JSON answer) as the value, and the text it wrote. */
    StepResult callTool(String tool, Map<String, Object> arguments) throws Exception;

    /** Runs an LLM task with access to the tools and returns the final answer. */
    String prompt(String prompt) throws Exception;
}
