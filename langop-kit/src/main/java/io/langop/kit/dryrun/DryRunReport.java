package io.langop.kit.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a dry run of an agent's code went: whether its workflow ran to the end on stand-in answers, and if
 * not, the step that failed and why (what a repair round tells the model and the {@code DryRun} condition
 * tells the user).
 *
 * @param summary one line: what ran, or what failed and why
 * @param failedStep the step that failed; empty when the run passed or failed outside a step ({@code define()})
 * @param completed the steps that ran, in the order they finished
 * @param skipped the steps whose condition was false (or that depended on one)
 * @param toolCalls tool calls answered by stand-ins
 * @param prompts LLM steps answered by a stand-in
 */
public record DryRunReport(
        boolean passed,
        String summary,
        Optional<String> failedStep,
        List<String> completed,
        List<String> skipped,
        int toolCalls,
        int prompts) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DryRunReport {
        Objects.requireNonNull(summary, "summary");
        failedStep = Objects.requireNonNullElse(failedStep, Optional.empty());
        completed = List.copyOf(completed);
        skipped = List.copyOf(skipped);
    }

    /** A dry run that could not run the code at all (it did not start, did not finish in time, crashed). */
    public static DryRunReport failed(String summary) {
        return new DryRunReport(false, summary, Optional.empty(), List.of(), List.of(), 0, 0);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("passed", passed)
                .put("summary", summary)
                .put("toolCalls", toolCalls)
                .put("prompts", prompts);
        failedStep.ifPresent(step -> node.put("failedStep", step));
        completed.forEach(node.putArray("completed")::add);
        skipped.forEach(node.putArray("skipped")::add);
        return node.toString();
    }

    /**
     * Reads a report written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when {@code json} is no report
     */
    public static DryRunReport fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (java.io.IOException notJson) {
            throw new IllegalArgumentException("not a dry run report: " + notJson.getMessage(), notJson);
        }
        if (node == null
                || !node.path("passed").isBoolean()
                || !node.path("summary").isTextual()) {
            throw new IllegalArgumentException("not a dry run report: " + json);
        }
        return new DryRunReport(
                node.path("passed").asBoolean(),
                node.path("summary").asText(),
                Optional.ofNullable(node.path("failedStep").textValue()),
                texts(node.path("completed")),
                texts(node.path("skipped")),
                node.path("toolCalls").asInt(),
                node.path("prompts").asInt());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
