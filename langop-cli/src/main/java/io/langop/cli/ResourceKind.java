package io.langop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kinds {@code langop get} lists and the columns it shows of each, read from the object as the API server has
 * it: a field the operator does not (yet) fill shows empty instead of failing the listing.
 */
enum ResourceKind {
    AGENTS(
            "LanguageAgent",
            List.of("agents", "agent", "lagent", "languageagents"),
            List.of("MODE", "PHASE", "LAST RUN", "SUCCESS", "COST")) {
        @Override
        List<String> cells(JsonNode object, Instant now) {
            JsonNode status = object.path("status");
            return List.of(
                    text(object.path("spec").path("executionMode")),
                    text(status.path("phase")),
                    lastRun(status, now),
                    successRate(status),
                    agentCost(status));
        }
    },
    MODELS(
            "LanguageModel",
            List.of("models", "model", "lmodel", "languagemodels"),
            List.of("PROVIDER", "MODEL", "PHASE", "COST")) {
        @Override
        List<String> cells(JsonNode object, Instant now) {
            JsonNode status = object.path("status");
            return List.of(
                    text(object.path("spec").path("provider")),
                    text(object.path("spec").path("modelName")),
                    text(status.path("phase")),
                    cost(
                            status.path("costMetrics").path("totalCost"),
                            status.path("costMetrics").path("currency")));
        }
    },
    TOOLS("LanguageTool", List.of("tools", "tool", "ltool", "languagetools"), List.of("MODE", "PHASE", "TOOLS")) {
        @Override
        List<String> cells(JsonNode object, Instant now) {
            JsonNode status = object.path("status");
            List<String> tools = new ArrayList<>();
            status.path("availableTools").forEach(tool -> tools.add(tool.asText()));
            return List.of(
                    text(object.path("spec").path("deploymentMode")),
                    text(status.path("phase")),
                    String.join(",", tools));
        }
    };

    private final String kind;

    @SuppressWarnings("ImmutableEnumChecker") // always a List.of, immutable, which the type cannot say
    private final List<String> names;

    @SuppressWarnings("ImmutableEnumChecker") // always a List.of, immutable, which the type cannot say
    private final List<String> columns;

    ResourceKind(String kind, List<String> names, List<String> columns) {
        this.kind = kind;
        this.names = names;
        this.columns = columns;
    }

    String kind() {
        return kind;
    }

    /** The kind a word of the command line names: plural, singular or short name. */
    static ResourceKind named(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (ResourceKind candidate : values()) {
            if (candidate.names.contains(lower)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("langop get lists agents, models or tools, not '" + word + "'");
    }

    /** Headers: namespace (when listing across namespaces), name, the kind's own columns, age. */
    List<String> headers(boolean allNamespaces) {
        List<String> headers = new ArrayList<>();
        if (allNamespaces) {
            headers.add("NAMESPACE");
        }
        headers.add("NAME");
        headers.addAll(columns);
        headers.add("AGE");
        return headers;
    }

    List<String> row(JsonNode object, boolean allNamespaces, Instant now) {
        List<String> row = new ArrayList<>();
        JsonNode metadata = object.path("metadata");
        if (allNamespaces) {
            row.add(metadata.path("namespace").asText());
        }
        row.add(metadata.path("name").asText());
        row.addAll(cells(object, now));
        row.add(since(metadata.path("creationTimestamp"), now));
        return row;
    }

    abstract List<String> cells(JsonNode object, Instant now);

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    /** {@code 3m ago Succeeded}: when the last run started and how it ended. */
    private static String lastRun(JsonNode status, Instant now) {
        String when = since(status.path("lastExecutionTime"), now);
        String result = text(status.path("lastExecutionResult"));
        return when.isEmpty() ? result : (when + " ago " + result).strip();
    }

    /** The share of runs that succeeded: the operator's figure, else counted from the runs it recorded. */
    private static String successRate(JsonNode status) {
        JsonNode rate = status.path("metrics").path("successRate");
        if (rate.isNumber()) {
            return String.format(Locale.ROOT, "%.0f%%", rate.asDouble());
        }
        long runs = status.path("executionCount").asLong(0);
        if (runs == 0) {
            return "";
        }
        long succeeded = status.path("successfulExecutions").asLong(0);
        return String.format(Locale.ROOT, "%.0f%% of %d", 100.0 * succeeded / runs, runs);
    }

    private static String agentCost(JsonNode status) {
        JsonNode costs = status.path("costMetrics");
        if (costs.path("totalCost").isNumber()) {
            return cost(costs.path("totalCost"), costs.path("currency"));
        }
        if (!costs.path("modelCosts").isArray() || costs.path("modelCosts").isEmpty()) {
            return "";
        }
        double total = 0;
        for (JsonNode model : costs.path("modelCosts")) {
            total += model.path("cost").asDouble(0);
        }
        return String.format(Locale.ROOT, "%.4f", total);
    }

    private static String cost(JsonNode amount, JsonNode currency) {
        if (!amount.isNumber()) {
            return "";
        }
        return (String.format(Locale.ROOT, "%.4f", amount.asDouble()) + " " + text(currency)).strip();
    }

    private static String since(JsonNode time, Instant now) {
        return time.isTextual() ? Ages.since(time.asText(), now) : "";
    }

    /** The kinds as {@code langop get} names them, for completion and help. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("agents", "models", "tools").iterator();
        }
    }
}
