package io.langop.sdk.trigger;

/** A trigger's filter, condition or mapping cannot be used; the message says where and why. */
public final class InvalidTriggerException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTriggerException(String message) {
        super(message);
    }
}
