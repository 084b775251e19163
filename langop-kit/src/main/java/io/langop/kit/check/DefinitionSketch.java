package io.langop.kit.check;

import java.util.List;
import java.util.Optional;

/**
 * What an agent definition says about its steps, tools, mode and schedule, read from its attributed
 * source without running it: the values that are compile-time constants (literals, constants, their
 * concatenations), each with where it is written. What is computed at run time is marked unknown and not
 * checked.
 */
record DefinitionSketch(
        List<Located> names,
        List<Step> steps,
        List<Located> schedules,
        List<Located> modes,
        List<Position> workflows,
        List<Position> objectives) {

    DefinitionSketch {
        names = List.copyOf(names);
        steps = List.copyOf(steps);
        schedules = List.copyOf(schedules);
        modes = List.copyOf(modes);
        workflows = List.copyOf(workflows);
        objectives = List.copyOf(objectives);
    }

    /** 1-based, as compilers and editors count. */
    record Position(long line, long column) {}

    /** A value as written; {@code value} is empty when it is not a compile-time constant. */
    record Located(Optional<String> value, Position at) {}

    enum Kind {
        TOOL,
        PROMPT,
        CUSTOM,
        /** No action found (the SDK refuses it when the definition is built). */
        NONE
    }

    /** The JSON type a parameter value will have when the tool receives it. */
    enum JsonKind {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        ARRAY,
        OBJECT,
        NULL,
        UNKNOWN
    }

    /** A tool parameter: its key and, where the source shows them, its value's JSON type and constant value. */
    record Param(String key, JsonKind kind, Optional<String> text, Position at) {}

    /**
     * One {@code w.step(name, s -> ...)}.
     *
     * @param kind what the step does, its first action where it has several
     * @param actions how many of tool(...), prompt(...) and custom(...) it calls (the SDK wants exactly one)
     * @param tool the tool a tool step names
     * @param paramsOpen true when some parameters are given by a map the source does not spell out
     * @param promptTools where {@code tools(...)} is called and the tools it names (a prompt step's only tools)
     * @param templates the prompt template and string parameter values, where placeholders are written
     */
    record Step(
            Located name,
            Kind kind,
            int actions,
            Optional<Located> tool,
            List<Param> params,
            boolean paramsOpen,
            Optional<Position> promptToolsAt,
            List<Located> promptTools,
            List<Located> dependsOn,
            List<Located> templates) {

        Step {
            params = List.copyOf(params);
            promptTools = List.copyOf(promptTools);
            dependsOn = List.copyOf(dependsOn);
            templates = List.copyOf(templates);
        }
    }
}
