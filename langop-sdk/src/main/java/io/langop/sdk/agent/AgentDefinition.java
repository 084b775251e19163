package io.langop.sdk.agent;

import io.langop.sdk.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * An agent as the SDK's fluent DSL describes it. Built once, validated when built: a bad cron, an
 * unknown dependency, a cycle or an unknown placeholder fails here with a message naming the problem.
 *
 * <pre>{@code
 * AgentDefinition.builder("kubernetes-news")
 *     .description("Daily Kubernetes security digest")
 *     .persona("You are a concise security analyst.")
 *     .schedule("0 9 * * 1-5")
 *     .objective("Find new Kubernetes CVEs and summarize them")
 *     .workflow(w -> w
 *         .step("search", s -> s.tool("web_search").param("query", "kubernetes CVE {date}"))
 *         .step("summarize", s -> s.prompt("Summarize: {search}").dependsOn("search")))
 *     .constraints(c -> c.maxIterations(20).timeout(Duration.ofMinutes(5)))
 *     .output(Output.workspace("reports/{date}.md"))
 *     .build();
 * }</pre>
 *
 * @param persona system prompt for every LLM conversation of the agent (may be empty)
 * @param workflow {@link Workflow#EMPTY} when the agent works from its objectives alone
 */
public record AgentDefinition(
        String name,
        String description,
        String persona,
        Optional<CronSchedule> schedule,
        ExecutionMode mode,
        List<String> objectives,
        Workflow workflow,
        Constraints constraints,
        Output output) {

    public AgentDefinition {
        objectives = List.copyOf(objectives);
    }

    /** This agent held to other limits, such as its code's tightened by the spec's {@link Ceilings}. */
    public AgentDefinition withConstraints(Constraints limits) {
        return new AgentDefinition(name, description, persona, schedule, mode, objectives, workflow, limits, output);
    }

    /** {@code name} is a valid agent name; see {@link #nameProblem}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    /**
     * What is wrong with {@code name} as an agent's name, if anything. The name is a Kubernetes object name
     * (lowercase letters, digits, '-' and '.'), because it is one: the LanguageAgent's, which the synthesized
     * code repeats, the model id of an interactive agent's chat endpoint, and a label value in its logs and
     * metrics.
     */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("an agent needs a name");
        }
        return NAME.matcher(name).matches()
                ? Optional.empty()
                : Optional.of("agent name '" + name + "' is invalid: use lowercase letters, digits, '-' and '.',"
                        + " starting and ending with a letter or digit (the LanguageAgent's name)");
    }

    /** The agent an operator runs when the instructions could not be turned into code: one objective, no workflow. */
    public static AgentDefinition fromInstructions(String name, String instructions) {
        return builder(name).objective(instructions).build();
    }

    public static final class Builder {
        private final String name;
        private String description = "";
        private String persona = "";
        private CronSchedule schedule;
        private ExecutionMode mode;
        private final List<String> objectives = new ArrayList<>();
        private Workflow workflow = Workflow.EMPTY;
        private Constraints constraints = Constraints.DEFAULTS;
        private Output output = Output.NONE;

        private Builder(String name) {
            nameProblem(name).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            this.name = name;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder persona(String systemPrompt) {
            this.persona = systemPrompt;
            return this;
        }

        /** A five-field cron expression; an agent with a schedule runs in scheduled mode unless a mode is set. */
        public Builder schedule(String cron) {
            this.schedule = new CronSchedule(cron);
            return this;
        }

        public Builder mode(ExecutionMode executionMode) {
            this.mode = executionMode;
            return this;
        }

        public Builder objective(String text) {
            objectives.add(text);
            return this;
        }

        public Builder objectives(String... texts) {
            objectives.addAll(List.of(texts));
            return this;
        }

        public Builder workflow(UnaryOperator<Workflow.Builder> steps) {
            this.workflow = steps.apply(Workflow.builder()).build();
            return this;
        }

        public Builder constraints(UnaryOperator<Constraints.Builder> limits) {
            this.constraints = limits.apply(Constraints.builder()).build();
            return this;
        }

        public Builder output(Output destination) {
            this.output = destination;
            return this;
        }

        public AgentDefinition build() {
            if (objectives.isEmpty() && workflow.isEmpty()) {
                throw new IllegalArgumentException(
                        "agent '" + name + "' has neither objectives nor workflow steps: nothing to do");
            }
            ExecutionMode effectiveMode =
                    mode != null ? mode : schedule != null ? ExecutionMode.SCHEDULED : ExecutionMode.AUTONOMOUS;
            return new AgentDefinition(
                    name,
                    description,
                    persona,
                    Optional.ofNullable(schedule),
                    effectiveMode,
                    objectives,
                    workflow,
                    constraints,
                    output);
        }
    }
}
