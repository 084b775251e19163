package io.langop.agent.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process from a thread that serves requests or events, where no exit status can be returned:
 * the serving modes' way out of a run that cannot be stopped. The exit runs on a thread of its own, so
 * the caller can still answer its request while the shutdown hooks close the server gracefully.
 */
final class ProcessExit {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessExit.class);

    private ProcessExit() {}

    static void end(ExitStatus status, String reason) {
        LOG.error("Ending the process with exit status {} so that it is started again: {}", status.code(), reason);
        Thread.ofPlatform().name("process-exit").start(() -> System.exit(status.code()));
    }
}
