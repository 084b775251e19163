package io.langop.cli;

/** Ends a command with a one-line message on stderr and an exit code: what went wrong and what to do next. */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CliExit exit;

    CliFailure(CliExit exit, String message) {
        super(message, null, false, false);
        this.exit = exit;
    }

    CliExit exit() {
        return exit;
    }
}
