package io.langop.agent.runtime;

import io.langop.sdk.agent.RunOutcome;

/** Process exit codes of the runtime and the CLI; a CronJob's status shows them. */
public enum ExitStatus {
    SUCCESS(0),
    RUN_FAILED(1),
    /** Bad command-line usage (picocli's own code). */
    USAGE(2),
    /** The agent source does not compile, is refused by the checker, or defines an invalid agent. */
    INVALID_AGENT(3),
    /** A constraint (iterations, timeout, budget, rate, blocked content) stopped the run. */
    CONSTRAINT_VIOLATED(4),
    /**
     * A run overstayed its timeout and did not stop when interrupted (a loop that never waits): its thread
     * cannot be killed, so the process ends and its controller (Deployment, Job) starts it again.
     */
    RUN_STUCK(5),
    /** SIGTERM arrived before the run finished. */
    TERMINATED(143);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ExitStatus of(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Succeeded succeeded -> SUCCESS;
            case RunOutcome.ConstraintViolated violated -> CONSTRAINT_VIOLATED;
            case RunOutcome.Failed failed -> RUN_FAILED;
            case RunOutcome.Stuck stuck -> RUN_STUCK;
        };
    }
}
