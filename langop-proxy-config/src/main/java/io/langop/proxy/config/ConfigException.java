package io.langop.proxy.config;

/** The configuration cannot be used; the message says why without revealing any secret. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
