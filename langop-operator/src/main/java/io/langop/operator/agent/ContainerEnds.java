package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import java.util.Optional;

/**
 * How a container ended, in the words of the agent's conditions and of a rollback's failure: its exit status and its
 * termination message (for the agent container, the end of its log: {@code FallbackToLogsOnError}).
 */
final class ContainerEnds {

    private ContainerEnds() {}

    /** {@code exit status 3:\n<message>}, or without the message when the container left none. */
    static String describe(ContainerStateTerminated end) {
        String message =
                Optional.ofNullable(end.getMessage()).map(String::strip).orElse("");
        return "exit status " + end.getExitCode() + (message.isEmpty() ? "" : ":\n" + message);
    }
}
