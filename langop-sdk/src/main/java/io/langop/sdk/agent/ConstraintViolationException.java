package io.langop.sdk.agent;

/** A run exceeded one of its {@link Constraints}; the run stops and the reason is reported. */
public final class ConstraintViolationException extends RuntimeException {

    /** Which limit was hit. */
    public enum Kind {
        MAX_ITERATIONS,
        TOOL_CALLS,
        TIMEOUT,
        TOKEN_BUDGET,
        COST_BUDGET,
        RATE_LIMIT,
        BLOCKED_CONTENT,
        /** A tool call that needed a person's approval was denied, or not decided by its deadline. */
        APPROVAL
    }

    private final Kind kind;

    public ConstraintViolationException(Kind kind, String reason) {
        super("constraint violated (" + kind.name().toLowerCase(java.util.Locale.ROOT) + "): " + reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
