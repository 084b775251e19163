package io.langop.sdk.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.List;
import java.util.Set;

/** The tools offered to the LLM and the way to run them (MCP in production). */
public interface ToolExecutor {

    /**
     * How a result tells of a failed call: the text starts with this, so that the model reads why and may correct its
     * call, and a report of the call can tell it failed.
     */
    String FAILURE_PREFIX = "Error: ";

    ToolExecutor NONE = new ToolExecutor() {
        @Override
        public List<ToolSpecification> specifications() {
            return List.of();
        }

        @Override
        public String execute(String tool, String argumentsJson) {
            return failure("no tool named '" + tool + "' is available");
        }
    };

    List<ToolSpecification> specifications();

    /** The result of a failed call, saying why. */
    static String failure(String why) {
        return FAILURE_PREFIX + why;
    }

    /** Whether a result tells of a failed call ({@link #failure}). */
    static boolean failed(String result) {
        return result != null && result.startsWith(FAILURE_PREFIX);
    }

    /** Runs a tool call requested by the model; failures come back as text the model can read. */
    String execute(String tool, String argumentsJson) throws InterruptedException;

    /**
     * {@code tools} restricted to the ones named: only those are offered to the model, and a call of any
     * other (a model may name a tool it was not offered) is answered with an error the model can read.
     */
    static ToolExecutor only(ToolExecutor tools, Set<String> names) {
        Set<String> allowed = Set.copyOf(names);
        return new ToolExecutor() {
            @Override
            public List<ToolSpecification> specifications() {
                return tools.specifications().stream()
                        .filter(tool -> allowed.contains(tool.name()))
                        .toList();
            }

            @Override
            public String execute(String tool, String argumentsJson) throws InterruptedException {
                return allowed.contains(tool)
                        ? tools.execute(tool, argumentsJson)
                        : failure("no tool named '" + tool + "' is available");
            }
        };
    }
}
