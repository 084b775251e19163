package io.langop.kit.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.kit.catalog.CatalogTool;
import io.langop.kit.catalog.JsonTypes;
import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.catalog.ToolParameter;
import io.langop.kit.check.DefinitionSketch.JsonKind;
import io.langop.kit.check.DefinitionSketch.Kind;
import io.langop.kit.check.DefinitionSketch.Located;
import io.langop.kit.check.DefinitionSketch.Param;
import io.langop.kit.check.DefinitionSketch.Position;
import io.langop.kit.check.DefinitionSketch.Step;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.workflow.Placeholders;
import io.langop.wire.CronJobSchedules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holds what a definition says against where it will run ({@link AgentSetting}): that it works, where
 * the safety policy only proved it harmless. Every problem is reported, each where it is written and with
 * the valid choices, so that one repair round (or one edit) can fix them all:
 *
 * <ul>
 *   <li>every tool a step calls is in the agent's catalog, with every required parameter, no parameter
 *       outside its schema and constant values of the declared type;
 *   <li>every placeholder names a step the step depends on (directly or not), and a field of that step's
 *       declared answer where the tool declares one;
 *   <li>step names are unique, dependencies exist and the graph has no cycle;
 *   <li>the definition's mode and schedule agree with the LanguageAgent's.
 * </ul>
 */
final class SemanticCheck {

    private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final DefinitionSketch definition;
    private final AgentSetting setting;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Map<String, Step> stepsByName = new LinkedHashMap<>();

    private SemanticCheck(DefinitionSketch definition, AgentSetting setting) {
        this.definition = definition;
        this.setting = setting;
    }

    static List<Diagnostic> problems(DefinitionSketch definition, AgentSetting setting) {
        SemanticCheck check = new SemanticCheck(definition, setting);
        check.run();
        // in the order a reader meets them
        return check.problems.stream()
                .sorted(Comparator.comparingLong(Diagnostic::line).thenComparingLong(Diagnostic::column))
                .toList();
    }

    private void run() {
        checkAgent();
        for (Step step : definition.steps()) {
            step.name().value().ifPresent(name -> {
                if (stepsByName.putIfAbsent(name, step) != null) {
                    report(step.name().at(), "step '" + name + "' is defined twice; step names must be unique");
                } else if (!STEP_NAME.matcher(name).matches()) {
                    report(
                            step.name().at(),
                            "step name '" + name + "' is invalid: use letters, digits, '_' or '-',"
                                    + " starting with a letter");
                } else if (new Placeholders.Reference(name, "").isBuiltIn()) {
                    report(
                            step.name().at(),
                            "step name '" + name + "' is reserved for a placeholder ({" + name + "}); choose another");
                }
            });
        }
        definition.steps().forEach(this::checkActions);
        definition.steps().forEach(this::checkDependencies);
        checkCycles();
        definition.steps().forEach(this::checkTool);
        definition.steps().forEach(this::checkPlaceholders);
        checkModeAndSchedule();
    }

    /**
     * What building the definition would refuse, found without building it, so that every problem is
     * reported at once instead of the first one {@code define()} throws.
     */
    private void checkAgent() {
        for (Located name : definition.names()) {
            name.value().flatMap(AgentDefinition::nameProblem).ifPresent(problem -> report(name.at(), problem));
        }
        for (Located schedule : definition.schedules()) {
            schedule.value()
                    .flatMap(CronJobSchedules::problem)
                    .ifPresent(problem -> report(
                            schedule.at(),
                            "invalid cron expression '" + schedule.value().get().strip() + "': " + problem));
        }
        if (!definition.names().isEmpty()
                && definition.objectives().isEmpty()
                && definition.steps().isEmpty()) {
            report(
                    definition.names().getFirst().at(),
                    "the agent has neither objectives nor workflow steps, so it has nothing to do: add"
                            + " .objective(...) or .workflow(...)");
        }
    }

    private void checkActions(Step step) {
        Position at = step.name().at();
        if (step.actions() != 1) {
            report(
                    at,
                    "step " + nameOf(step) + " must do exactly one of tool(...), prompt(...) or custom(...); it does "
                            + step.actions());
            return;
        }
        if (step.kind() != Kind.TOOL && (!step.params().isEmpty() || step.paramsOpen())) {
            report(at, "step " + nameOf(step) + " has params but is not a tool step: give params to a tool(...) step");
        }
        if (step.promptToolsAt().isPresent() && step.kind() != Kind.PROMPT) {
            report(
                    step.promptToolsAt().get(),
                    "tools(...) names the tools a prompt may call, but step " + nameOf(step) + " is not a prompt step");
        }
        ToolCatalog catalog = setting.tools();
        for (Located allowed : step.promptTools()) {
            allowed.value()
                    .filter(tool -> catalog.tool(tool).isEmpty() && catalog.complete())
                    .ifPresent(tool -> report(
                            allowed.at(),
                            "unknown tool '" + tool + "' in tools(...) of step " + nameOf(step) + "; this agent has: "
                                    + catalog.choices()));
        }
    }

    private void checkDependencies(Step step) {
        for (Located dependency : step.dependsOn()) {
            dependency
                    .value()
                    .filter(name -> !stepsByName.containsKey(name))
                    .ifPresent(name -> report(
                            dependency.at(),
                            "step " + nameOf(step) + " depends on '" + name + "', which is not a step; the steps: "
                                    + String.join(", ", stepsByName.keySet())));
        }
    }

    private void checkCycles() {
        Set<String> reported = new LinkedHashSet<>();
        for (String start : stepsByName.keySet()) {
            List<String> cycle = cycleThrough(start, new ArrayList<>());
            if (!cycle.isEmpty() && reported.addAll(cycle)) {
                Step first = stepsByName.get(cycle.getFirst());
                report(
                        first.name().at(),
                        "steps form a dependency cycle: " + String.join(" -> ", cycle) + " -> " + cycle.getFirst()
                                + "; a step can only use steps that run before it");
            }
        }
    }

    /** The cycle reached from {@code step} along dependencies, if one is. */
    private List<String> cycleThrough(String step, List<String> path) {
        int seen = path.indexOf(step);
        if (seen >= 0) {
            return List.copyOf(path.subList(seen, path.size()));
        }
        path.add(step);
        for (String dependency : dependencies(step)) {
            List<String> cycle = cycleThrough(dependency, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.removeLast();
        return List.of();
    }

    private List<String> dependencies(String step) {
        Step found = stepsByName.get(step);
        return found == null
                ? List.of()
                : found.dependsOn().stream()
                        .flatMap(dependency -> dependency.value().stream())
                        .filter(stepsByName::containsKey)
                        .toList();
    }

    private Set<String> ancestors(String step) {
        Set<String> all = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(dependencies(step));
        while (!todo.isEmpty()) {
            String next = todo.removeLast();
            if (all.add(next)) {
                todo.addAll(dependencies(next));
            }
        }
        return all;
    }

    private void checkTool(Step step) {
        if (step.kind() != Kind.TOOL
                || step.tool().isEmpty()
                || step.tool().get().value().isEmpty()) {
            return;
        }
        Located named = step.tool().get();
        ToolCatalog catalog = setting.tools();
        Optional<CatalogTool> tool = catalog.tool(named.value().get());
        if (tool.isEmpty()) {
            if (catalog.complete()) {
                report(named.at(), "unknown tool '" + named.value().get() + "'; this agent has: " + catalog.choices());
            }
            return;
        }
        checkParameters(step, tool.get());
    }

    private void checkParameters(Step step, CatalogTool tool) {
        Set<String> given = new LinkedHashSet<>();
        for (Param param : step.params()) {
            given.add(param.key());
            Optional<ToolParameter> declared = tool.parameter(param.key());
            if (declared.isEmpty()) {
                if (!tool.acceptsOtherParameters()) {
                    report(
                            param.at(),
                            "tool '" + tool.name() + "' has no parameter '" + param.key() + "'; its parameters: "
                                    + parameterList(tool));
                }
                continue;
            }
            typeProblem(tool, declared.get(), param).ifPresent(problem -> report(param.at(), problem));
        }
        if (step.paramsOpen()) {
            return; // parameters given by a map the source does not spell out may hold the rest
        }
        List<String> missing = tool.parameters().stream()
                .filter(ToolParameter::required)
                .filter(parameter -> !given.contains(parameter.name()))
                .map(parameter -> "'" + parameter.name() + "' (" + parameter.type() + ")")
                .toList();
        if (!missing.isEmpty()) {
            report(
                    step.tool().orElseThrow().at(),
                    "tool '" + tool.name() + "' needs " + (missing.size() == 1 ? "parameter " : "parameters ")
                            + String.join(", ", missing) + "; give each with .param(name, value); its parameters: "
                            + parameterList(tool));
        }
    }

    /** What is wrong with a constant value for its declared type, if anything. */
    private static Optional<String> typeProblem(CatalogTool tool, ToolParameter declared, Param param) {
        if (param.kind() == JsonKind.UNKNOWN
                || param.kind() == JsonKind.NULL
                || declared.type().equals("any")) {
            return Optional.empty();
        }
        if (param.kind() == JsonKind.STRING
                && param.text().isPresent()
                && !Placeholders.references(param.text().get()).isEmpty()
                && !declared.type().equals("string")) {
            return Optional.empty(); // the placeholder's value decides, at run time
        }
        boolean fits = switch (declared.type()) {
            case "string" -> param.kind() == JsonKind.STRING;
            case "integer" -> param.kind() == JsonKind.INTEGER;
            case "number" -> param.kind() == JsonKind.INTEGER || param.kind() == JsonKind.NUMBER;
            case "boolean" -> param.kind() == JsonKind.BOOLEAN;
            case "array" -> param.kind() == JsonKind.ARRAY;
            case "object" -> param.kind() == JsonKind.OBJECT;
            default -> true;
        };
        if (!fits) {
            return Optional.of("parameter '" + declared.name() + "' of tool '" + tool.name() + "' takes "
                    + article(declared.type()) + " " + declared.type() + ", not " + describe(param));
        }
        JsonNode allowed =
                tool.inputSchema().path("properties").path(declared.name()).path("enum");
        if (allowed.isArray()
                && param.kind() == JsonKind.STRING
                && param.text().isPresent()
                && Placeholders.references(param.text().get()).isEmpty()) {
            List<String> choices = new ArrayList<>();
            allowed.forEach(choice -> choices.add(choice.asText()));
            if (!choices.contains(param.text().get())) {
                return Optional.of("parameter '" + declared.name() + "' of tool '" + tool.name() + "' is one of "
                        + choices + ", not \"" + param.text().get() + "\"");
            }
        }
        return Optional.empty();
    }

    private void checkPlaceholders(Step step) {
        String stepName = step.name().value().orElse(null);
        Set<String> ancestors = stepName == null ? Set.of() : ancestors(stepName);
        for (Located template : step.templates()) {
            if (template.value().isEmpty()) {
                continue;
            }
            for (Placeholders.Reference reference :
                    Placeholders.references(template.value().get())) {
                if (reference.isBuiltIn()) {
                    continue;
                }
                Step named = stepsByName.get(reference.name());
                if (named == null) {
                    report(
                            template.at(),
                            "placeholder " + reference + " in step " + nameOf(step) + " names no step; the steps: "
                                    + String.join(", ", stepsByName.keySet()) + " (and {date}, {time}, {event})");
                } else if (stepName != null && !ancestors.contains(reference.name())) {
                    report(
                            template.at(),
                            "placeholder " + reference + " in step " + nameOf(step) + " needs the step to depend on '"
                                    + reference.name() + "': add .dependsOn(\"" + reference.name()
                                    + "\") (directly or through a step it depends on)");
                } else if (!reference.field().isEmpty()) {
                    checkField(step, template.at(), reference, named);
                }
            }
        }
    }

    /** A field of a tool step's answer must be one the tool declares, where it declares its answer. */
    private void checkField(Step step, Position at, Placeholders.Reference reference, Step named) {
        if (named.kind() != Kind.TOOL || named.tool().isEmpty()) {
            return;
        }
        Optional<CatalogTool> tool = named.tool().get().value().flatMap(setting.tools()::tool);
        if (tool.isEmpty() || tool.get().outputSchema().isEmpty()) {
            return;
        }
        JsonNode answer = tool.get().outputSchema().get();
        List<String> path = List.of(reference.field().split("\\."));
        if (JsonTypes.at(answer, path).isPresent()) {
            return;
        }
        // the deepest part of the path that exists tells which fields were possible
        int valid = 0;
        while (valid < path.size()
                && JsonTypes.at(answer, path.subList(0, valid + 1)).isPresent()) {
            valid++;
        }
        JsonNode parent = JsonTypes.at(answer, path.subList(0, valid)).orElse(answer);
        List<String> fields = JsonTypes.fieldNames(parent);
        report(
                at,
                "placeholder " + reference + " in step " + nameOf(step) + " names no field of the answer of tool '"
                        + tool.get().name() + "'"
                        + (valid == 0 ? "" : " at '" + String.join(".", path.subList(0, valid)) + "'")
                        + (fields.isEmpty()
                                ? "; there it is a " + JsonTypes.of(parent) + ", without fields"
                                : "; the fields there: " + String.join(", ", fields)));
    }

    private void checkModeAndSchedule() {
        Optional<ExecutionMode> resourceMode = setting.mode();
        if (resourceMode.isEmpty()) {
            return;
        }
        String mode = resourceMode.get().wireName();
        for (Located declared : definition.modes()) {
            declared.value()
                    .filter(constant -> !constant.equals(resourceMode.get().name()))
                    .ifPresent(constant -> report(
                            declared.at(),
                            "the LanguageAgent runs in " + mode + " mode (spec.executionMode), but the code says"
                                    + " .mode(ExecutionMode." + constant + "): remove .mode(...) or use ExecutionMode."
                                    + resourceMode.get().name()));
        }
        for (Located schedule : definition.schedules()) {
            if (resourceMode.get() != ExecutionMode.SCHEDULED) {
                report(
                        schedule.at(),
                        "the LanguageAgent runs in " + mode + " mode, so a schedule is never used: remove"
                                + " .schedule(...) (a schedule needs spec.executionMode: scheduled)");
            } else if (setting.schedule().isPresent()
                    && schedule.value().isPresent()
                    && !normalized(schedule.value().get())
                            .equals(normalized(setting.schedule().get()))) {
                report(
                        schedule.at(),
                        "the LanguageAgent's schedule is \""
                                + setting.schedule().get() + "\" (spec.schedule, what"
                                + " its CronJob runs), but the code says \""
                                + schedule.value().get()
                                + "\": use the resource's schedule or remove .schedule(...)");
            }
        }
        if (resourceMode.get() == ExecutionMode.INTERACTIVE) {
            definition
                    .workflows()
                    .forEach(at -> report(
                            at,
                            "an interactive agent answers chat messages with its persona and tools; its workflow"
                                    + " never runs: remove .workflow(...) and describe the task in the persona or"
                                    + " objectives"));
        }
    }

    private static String normalized(String cron) {
        return cron.strip().replaceAll("\\s+", " ");
    }

    private static String parameterList(CatalogTool tool) {
        return tool.parameters().isEmpty()
                ? "none"
                : tool.parameters().stream()
                        .map(p -> p.name() + " (" + p.type() + (p.required() ? ", required" : "") + ")")
                        .collect(Collectors.joining(", "));
    }

    private static String describe(Param param) {
        return switch (param.kind()) {
            case STRING ->
                param.text().map(text -> "the string \"" + text + "\"").orElse("a string");
            case INTEGER -> param.text().orElse("an integer");
            case NUMBER -> param.text().orElse("a number");
            case BOOLEAN -> param.text().orElse("a boolean");
            case ARRAY -> "a list";
            case OBJECT -> "a map";
            case NULL, UNKNOWN -> "a value of another type";
        };
    }

    private static String article(String type) {
        return type.matches("[aeiou].*") ? "an" : "a";
    }

    private static String nameOf(Step step) {
        return step.name().value().map(name -> "'" + name + "'").orElse("(unnamed)");
    }

    private void report(Position at, String message) {
        problems.add(new Diagnostic(Diagnostic.Origin.SEMANTIC, at.line(), at.column(), message));
    }
}
