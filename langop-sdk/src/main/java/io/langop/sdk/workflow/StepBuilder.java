package io.langop.sdk.workflow;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Fluent definition of one step; exactly one of {@code tool}, {@code prompt} or {@code custom}. */
public final class StepBuilder {

    private final String name;
    private String tool;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String prompt;
    private Set<String> promptTools;
    private StepAction.CustomLogic custom;
    private final Set<String> dependsOn = new LinkedHashSet<>();
    private Predicate<StepResults> condition = results -> true;

    StepBuilder(String name) {
        this.name = name;
    }

    /** Calls the MCP tool {@code toolName}. */
    public StepBuilder tool(String toolName) {
        this.tool = toolName;
        return this;
    }

    /** Adds tool parameters; string values may contain {@code {step}} / {@code {step.field}} placeholders. */
    public StepBuilder params(Map<String, ?> values) {
        params.putAll(values);
        return this;
    }

    public StepBuilder param(String key, Object value) {
        params.put(key, value);
        return this;
    }

    /**
     * Asks the LLM, which may call every tool of the agent unless {@link #tools} narrows them; the template
     * may contain placeholders.
     */
    public StepBuilder prompt(String template) {
        this.prompt = template;
        return this;
    }

    /**
     * The only tools a prompt step's LLM may call: {@code tools()} none (the answer is written from the
     * prompt alone), {@code tools("web_fetch")} that one. Without it, every tool of the agent.
     */
    public StepBuilder tools(String... toolNames) {
        this.promptTools = new LinkedHashSet<>(Arrays.asList(toolNames));
        return this;
    }

    /** Runs Java logic over the dependencies' results. */
    public StepBuilder custom(StepAction.CustomLogic logic) {
        this.custom = logic;
        return this;
    }

    public StepBuilder dependsOn(String... steps) {
        dependsOn.addAll(Arrays.asList(steps));
        return this;
    }

    /** Runs the step only when {@code predicate} holds for the dependencies' results. */
    public StepBuilder when(Predicate<StepResults> predicate) {
        this.condition = predicate;
        return this;
    }

    Step build() {
        int actions = (tool != null ? 1 : 0) + (prompt != null ? 1 : 0) + (custom != null ? 1 : 0);
        if (actions != 1) {
            throw new WorkflowDefinitionException(
                    name, "must define exactly one of tool(...), prompt(...) or custom(...), found " + actions);
        }
        if (!params.isEmpty() && tool == null) {
            throw new WorkflowDefinitionException(name, "has params but is not a tool step");
        }
        if (promptTools != null && prompt == null) {
            throw new WorkflowDefinitionException(
                    name, "names the tools a prompt may call (tools(...)) but is not a prompt step");
        }
        StepAction action = tool != null
                ? new StepAction.CallTool(tool, params)
                : prompt != null
                        ? new StepAction.Prompt(prompt, Optional.ofNullable(promptTools))
                        : new StepAction.Custom(custom);
        return new Step(name, action, dependsOn.stream().toList(), condition);
    }
}
