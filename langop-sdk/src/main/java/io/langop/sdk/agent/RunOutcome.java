package io.langop.sdk.agent;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How a run ended. */
public sealed interface RunOutcome {

    String runId();

    RunUsage usage();

    /** The outcome as a metric tag and span attribute: {@code succeeded}, {@code failed}, {@code stuck}, {@code constraint_<kind>}. */
    default String kind() {
        return switch (this) {
            case Succeeded succeeded -> "succeeded";
            case ConstraintViolated violated ->
                "constraint_" + violated.violation().kind().name().toLowerCase(Locale.ROOT);
            case Failed failed -> "failed";
            case Stuck stuck -> "stuck";
        };
    }

    /** Why the run did not succeed; empty for a success. */
    default String reason() {
        return switch (this) {
            case Succeeded succeeded -> "";
            case ConstraintViolated violated -> violated.violation().getMessage();
            case Failed failed -> failed.reason() == null ? "" : failed.reason();
            case Stuck stuck -> stuck.reason();
        };
    }

    /**
     * The run ended as it should.
     *
     * @param objectivesComplete the workflow finished, or the LLM declared every objective met
     * @param outputFile where the result was written, when the agent has an output
     */
    record Succeeded(String runId, String result, boolean objectivesComplete, Optional<Path> outputFile, RunUsage usage)
            implements RunOutcome {}

    record ConstraintViolated(String runId, ConstraintViolationException violation, RunUsage usage)
            implements RunOutcome {}

    record Failed(String runId, String reason, RunUsage usage) implements RunOutcome {}

    /**
     * The run overstayed its timeout and did not stop when interrupted: its thread still runs, so the
     * process must end (and its controller restart it) for the run to stop.
     */
    record Stuck(String runId, String reason, RunUsage usage) implements RunOutcome {}
}
