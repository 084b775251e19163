package io.langop.tool.email.connection;

/** The environment does not describe a usable mail server; the message names the variables to fix. */
public final class MailConfigurationException extends Exception {

    public MailConfigurationException(String message) {
        super(message);
    }
}
