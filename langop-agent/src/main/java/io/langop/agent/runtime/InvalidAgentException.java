package io.langop.agent.runtime;

/** The agent source cannot be run; the message holds every diagnostic. */
public final class InvalidAgentException extends Exception {

    public InvalidAgentException(String message) {
        super(message);
    }

    public InvalidAgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
