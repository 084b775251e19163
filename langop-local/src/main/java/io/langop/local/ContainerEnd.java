package io.langop.local;

import java.time.Instant;

/**
 * How a container's process ended, as a kubelet records it: in the container's {@code state.terminated} while it
 * stays ended, in its {@code lastState.terminated} once it runs again or backs off. What the operator reads to say
 * why an agent's container crashes (its {@code Ready} condition, a rollback's failure) comes from here.
 *
 * @param message the termination message ({@link TerminationMessage}), or null when there is none
 */
record ContainerEnd(int exitCode, String message, Instant startedAt, Instant finishedAt) {

    /** The kubelet's reason: {@code Completed} for exit status 0, else {@code Error}. */
    String reason() {
        return exitCode == 0 ? "Completed" : "Error";
    }
}
