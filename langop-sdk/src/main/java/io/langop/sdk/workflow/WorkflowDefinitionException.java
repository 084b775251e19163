package io.langop.sdk.workflow;

/** A workflow that cannot run as written; the message names the offending step. */
public final class WorkflowDefinitionException extends IllegalArgumentException {

    private final String step;

    public WorkflowDefinitionException(String step, String problem) {
        super("step '" + step + "' " + problem);
        this.step = step;
    }

    public String step() {
        return step;
    }
}
