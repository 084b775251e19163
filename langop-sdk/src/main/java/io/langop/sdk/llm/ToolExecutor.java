package io.langop.sdk.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.List;

/** The tools offered to the LLM and the way to run them (MCP in production). */
public interface ToolExecutor {

    ToolExecutor NONE = new ToolExecutor() {
        @Override
        public List<ToolSpecification> specifications() {
            return List.of();
        }

        @Override
        public String execute(String tool, String argumentsJson) {
            return "Error: no tool named '" + tool + "' is available";
        }
    };

    List<ToolSpecification> specifications();

    /** Runs a tool call requested by the model; failures come back as text the model can read. */
    String execute(String tool, String argumentsJson) throws InterruptedException;
}
