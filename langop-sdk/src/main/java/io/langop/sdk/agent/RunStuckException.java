package io.langop.sdk.agent;

/**
 * Work overstayed its time limit and did not stop when interrupted: its thread still runs (and spins a
 * CPU), so the process has to end for it to stop. See {@link TimeLimit}.
 */
public final class RunStuckException extends RuntimeException {

    RunStuckException(String message) {
        super(message);
    }
}
