package io.langop.cli;

/**
 * Exit codes of the cluster commands, documented in docs/cli.md; scripts branch on them. 2 is picocli's own code for
 * a command line it cannot parse, as for every other {@code langop} command.
 */
public enum CliExit {
    SUCCESS(0),
    /** The agent failed (synthesis, checks, its pods), or a chat request failed. */
    FAILED(1),
    USAGE(2),
    /** The object named does not exist (or an object it needs, such as a model, does not). */
    NOT_FOUND(3),
    /** No API server answered, or it refused the request (rights, validation). */
    CLUSTER_ERROR(4),
    /** {@code --timeout} ran out before the agent ran or failed. */
    TIMED_OUT(5);

    private final int code;

    CliExit(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
