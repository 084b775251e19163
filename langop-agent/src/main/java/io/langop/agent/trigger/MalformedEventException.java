package io.langop.agent.trigger;

/** A request that claims to be an event of a known format but breaks it: answered 400 with the message. */
final class MalformedEventException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedEventException(String message) {
        super(message);
    }
}
