package io.langop.sdk.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What tool and prompt steps need from the outside world: MCP tools and the LLM tool loop. */
public interface StepExecutor {

    /** Calls an MCP tool and returns its result (structured when the tool answers JSON). */
    JsonNode callTool(String tool, Map<String, Object> arguments) throws Exception;

    /** Runs an LLM task with access to the tools and returns the final answer. */
    String prompt(String prompt) throws Exception;
}
