package io.langop.sdk.memory.spi;

/**
 * A backend could not be reached or did not answer (connection refused or lost, timeout, server
 * shutting down): the operation may succeed when tried again. Backends throw it for those failures
 * only; anything else (a malformed answer, a refused credential) is not retried.
 */
public class BackendUnavailableException extends RuntimeException {

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
