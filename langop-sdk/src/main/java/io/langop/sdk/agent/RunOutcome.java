package io.langop.sdk.agent;

import java.nio.file.Path;
import java.util.Optional;

/** How a run ended. */
public sealed interface RunOutcome {

    String runId();

    RunUsage usage();

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
