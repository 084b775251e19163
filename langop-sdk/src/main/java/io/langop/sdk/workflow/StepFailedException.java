package io.langop.sdk.workflow;

/** A step failed while running; the cause says why. */
public final class StepFailedException extends RuntimeException {

    private final String step;

    public StepFailedException(String step, Throwable cause) {
        super("step '" + step + "' failed: " + cause.getMessage(), cause);
        this.step = step;
    }

    public String step() {
        return step;
    }
}
