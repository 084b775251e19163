package io.langop.sdk.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A validated graph of steps. Building it fails, naming the step, on a duplicate or reserved name, an
 * unknown dependency, a cycle, or a placeholder that refers to a step the step does not depend on.
 *
 * <pre>{@code
 * Workflow.builder()
 *     .step("search", s -> s.tool("web_search").param("query", "kubernetes CVE {date}"))
 *     .step("summarize", s -> s.prompt("Summarize for an engineer: {search}").dependsOn("search"))
 *     .build();
 * }</pre>
 */
public final class Workflow {

    public static final Workflow EMPTY = new Workflow(Map.of(), List.of(), Map.of());

    private final Map<String, Step> steps;
    private final List<Step> executionOrder;
    private final Map<String, Set<String>> ancestors;

    private Workflow(Map<String, Step> steps, List<Step> executionOrder, Map<String, Set<String>> ancestors) {
        this.steps = steps;
        this.executionOrder = executionOrder;
        this.ancestors = ancestors;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public Collection<Step> steps() {
        return steps.values();
    }

    /** Steps sorted so that every step comes after its dependencies (declaration order among equals). */
    public List<Step> executionOrder() {
        return executionOrder;
    }

    /** The steps {@code step} depends on, directly or transitively. */
    public Set<String> ancestorsOf(String step) {
        return ancestors.get(step);
    }

    public static final class Builder {
        private final Map<String, Step> steps = new LinkedHashMap<>();

        private Builder() {}

        public Builder step(String name, UnaryOperator<StepBuilder> definition) {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new WorkflowDefinitionException(
                        String.valueOf(name),
                        "has an invalid name: use letters, digits, '_' or '-', starting with a letter");
            }
            if (steps.containsKey(name)) {
                throw new WorkflowDefinitionException(name, "is defined twice");
            }
            if (new Placeholders.Reference(name, "").isBuiltIn()) {
                throw new WorkflowDefinitionException(
                        name, "uses a reserved name (date, time and event are placeholders)");
            }
            steps.put(name, definition.apply(new StepBuilder(name)).build());
            return this;
        }

        public Workflow build() {
            for (Step step : steps.values()) {
                for (String dependency : step.dependsOn()) {
                    if (!steps.containsKey(dependency)) {
                        throw new WorkflowDefinitionException(
                                step.name(), "depends on unknown step '" + dependency + "'");
                    }
                }
            }
            List<Step> order = topologicalOrder();
            Map<String, Set<String>> ancestors = new LinkedHashMap<>();
            for (Step step : order) {
                Set<String> all = new LinkedHashSet<>();
                for (String dependency : step.dependsOn()) {
                    all.add(dependency);
                    all.addAll(ancestors.get(dependency));
                }
                ancestors.put(step.name(), Set.copyOf(all));
            }
            for (Step step : order) {
                checkPlaceholders(step, ancestors.get(step.name()));
            }
            return new Workflow(
                    Collections.unmodifiableMap(new LinkedHashMap<>(steps)), List.copyOf(order), Map.copyOf(ancestors));
        }

        private List<Step> topologicalOrder() {
            List<Step> order = new ArrayList<>();
            Set<String> done = new HashSet<>();
            while (order.size() < steps.size()) {
                List<Step> ready = steps.values().stream()
                        .filter(step -> !done.contains(step.name()) && done.containsAll(step.dependsOn()))
                        .toList();
                if (ready.isEmpty()) {
                    Step stuck = steps.values().stream()
                            .filter(step -> !done.contains(step.name()))
                            .findFirst()
                            .orElseThrow();
                    throw new WorkflowDefinitionException(
                            stuck.name(), "is part of a dependency cycle: " + cycleFrom(stuck.name(), done));
                }
                ready.forEach(step -> done.add(step.name()));
                order.addAll(ready);
            }
            return order;
        }

        /** Follows unfinished dependencies from {@code start} until a step repeats. */
        private String cycleFrom(String start, Set<String> done) {
            List<String> path = new ArrayList<>();
            String current = start;
            while (!path.contains(current)) {
                path.add(current);
                current = steps.get(current).dependsOn().stream()
                        .filter(d -> !done.contains(d))
                        .findFirst()
                        .orElseThrow();
            }
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
            cycle.add(current);
            return String.join(" -> ", cycle);
        }

        private static void checkPlaceholders(Step step, Set<String> ancestors) {
            List<String> templates = switch (step.action()) {
                case StepAction.Prompt prompt -> List.of(prompt.template());
                case StepAction.CallTool call ->
                    call.params().values().stream()
                            .filter(String.class::isInstance)
                            .map(String.class::cast)
                            .toList();
                case StepAction.Custom custom -> List.of();
            };
            for (String template : templates) {
                for (Placeholders.Reference reference : Placeholders.references(template)) {
                    if (reference.isBuiltIn() || ancestors.contains(reference.name())) {
                        continue;
                    }
                    throw new WorkflowDefinitionException(
                            step.name(),
                            "uses placeholder " + reference + " but does not depend on a step named '"
                                    + reference.name() + "'");
                }
            }
        }
    }
}
