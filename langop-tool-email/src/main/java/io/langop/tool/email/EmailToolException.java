package io.langop.tool.email;

/** A tool call that could not do its job; the message is the exact text returned to the model as an error. */
public class EmailToolException extends RuntimeException {

    public EmailToolException(String message) {
        super(message);
    }
}
