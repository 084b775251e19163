package io.langop.tool.email;

import io.langop.tool.email.connection.MailConfigurationException;

/** A tool call that could not do its job; the message is the exact text returned to the model as an error. */
public class EmailToolException extends RuntimeException {

    public EmailToolException(String message) {
        super(message);
    }

    public static EmailToolException misconfigured(MailConfigurationException e) {
        return new EmailToolException("Error: " + e.getMessage());
    }

    /** {@code "<what failed>: <why>"}, the why taken from the whole cause chain. */
    public static EmailToolException because(String whatFailed, Exception e) {
        return new EmailToolException(whatFailed + ": " + describe(e));
    }

    /** Jakarta Mail wraps the useful cause (refused connection, certificate problem) several levels deep. */
    public static String describe(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !text.toString().contains(message.strip())) {
                text.append(": ").append(message.strip());
            }
        }
        return text.toString();
    }
}
