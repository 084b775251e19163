package io.langop.kit.tool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tool an MCP server offers: its name, what it does, the parameters it takes, and the handler that
 * runs it. Built with {@link #builder(String)}:
 *
 * <pre>{@code
 * Tool search = Tool.builder("web_search")
 *     .description("Search the web and return results")
 *     .param(Param.string("query").required().description("The search query"))
 *     .param(Param.integer("max_results").defaultValue(5).validate(Validator.range(1, 20)))
 *     .handler(args -> ToolResult.success(engine.search(args.string("query"), args.integer("max_results"))))
 *     .build();
 * }</pre>
 *
 * The input schema published in {@code tools/list} is generated from the parameters, and
 * {@link #bind} applies the same declaration to every call. A tool that answers with data as well as
 * text declares its {@link #output() output shape} ({@code .output(Shape.object()...)}), published as
 * {@code outputSchema}; its handler then returns {@link ToolResult#success(String, Object)}.
 *
 * @param output the shape of the structured answer, or null when the tool answers text only
 * @param readOnly whether the tool changes nothing outside itself, published as MCP's {@code readOnlyHint}: an agent
 *     whose spec requires approval of every tool with side effects calls a read-only tool without asking
 */
public record Tool(
        String name,
        String description,
        List<Param> params,
        Shape.ObjectShape output,
        ToolHandler handler,
        boolean readOnly) {

    /** The character set and length the MCP specification recommends for tool names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public Tool {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' must be 1-128 of A-Z a-z 0-9 _ . -");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("tool '" + name + "' needs a description: it is what the model reads");
        }
        Objects.requireNonNull(handler, "tool '" + name + "' needs a handler");
        params = List.copyOf(params);
        Set<String> seen = new HashSet<>();
        for (Param param : params) {
            if (!seen.add(param.name())) {
                throw new IllegalArgumentException(
                        "tool '" + name + "' declares parameter '" + param.name() + "' twice");
            }
            param.defaultValue().flatMap(param::problemWith).ifPresent(problem -> {
                throw new IllegalArgumentException(
                        "tool '" + name + "', parameter '" + param.name() + "': default " + problem);
            });
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The JSON schema of the structured answer, as published in {@code tools/list}; empty for a text-only tool. */
    public Optional<Map<String, Object>> outputSchema() {
        return Optional.ofNullable(output).map(Shape::schema);
    }

    /** The JSON schema of the arguments object, as published in {@code tools/list}. */
    public Map<String, Object> inputSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Param param : params) {
            properties.put(param.name(), param.schema());
            if (param.isRequired()) {
                required.add(param.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * Applies the declaration to raw call arguments: defaults for absent (or null) parameters, then
     * the required check, coercion to the declared type, allowed values and validators. Every problem
     * is reported, each naming its parameter, so a model can fix all of them in one retry.
     */
    public Binding bind(Map<String, Object> raw) {
        Map<String, Object> supplied = raw == null ? Map.of() : raw;
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : params) {
            Object value = Optional.ofNullable(supplied.get(param.name()))
                    .or(param::defaultValue)
                    .orElse(null);
            if (value == null) {
                if (param.isRequired()) {
                    problems.add("Missing required parameter '" + param.name() + "'");
                }
                continue;
            }
            try {
                Object coerced = param.coerce(value);
                param.problemWith(coerced)
                        .ifPresentOrElse(
                                problem -> problems.add("Invalid parameter '" + param.name() + "': " + problem),
                                () -> values.put(param.name(), coerced));
            } catch (IllegalArgumentException e) {
                problems.add("Invalid parameter '" + param.name() + "': " + e.getMessage());
            }
        }
        supplied.keySet().stream()
                .filter(key -> params.stream().noneMatch(param -> param.name().equals(key)))
                .sorted()
                .forEach(key -> problems.add("Unknown parameter '" + key + "' (accepted: " + acceptedNames() + ")"));
        return problems.isEmpty()
                ? new Binding.Bound(new ToolArguments(values))
                : new Binding.Rejected(List.copyOf(problems));
    }

    private String acceptedNames() {
        return params.isEmpty()
                ? "none"
                : String.join(", ", params.stream().map(Param::name).toList());
    }

    /** The outcome of {@link #bind}: arguments ready for the handler, or why they were refused. */
    public sealed interface Binding {
        record Bound(ToolArguments arguments) implements Binding {}

        record Rejected(List<String> problems) implements Binding {
            /** All problems in one line, the text of the MCP error result. */
            public String message() {
                return String.join("; ", problems);
            }
        }
    }

    /** Collects a tool declaration; {@link #build()} checks it. */
    public static final class Builder {
        private final String name;
        private String description;
        private final List<Param> params = new ArrayList<>();
        private Shape.ObjectShape output;
        private ToolHandler handler;
        private boolean readOnly;

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder param(Param param) {
            params.add(Objects.requireNonNull(param, "param"));
            return this;
        }

        /** Declares that the tool answers data of this shape, besides its text. */
        public Builder output(Shape.ObjectShape output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /**
         * Declares that the tool only reads: it sends, writes, deletes and marks nothing (MCP's {@code readOnlyHint}).
         * Without this, agents take the tool to have side effects, as the MCP specification's default is.
         */
        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        public Builder handler(ToolHandler handler) {
            this.handler = handler;
            return this;
        }

        public Tool build() {
            return new Tool(name, description, params, output, handler, readOnly);
        }
    }
}
