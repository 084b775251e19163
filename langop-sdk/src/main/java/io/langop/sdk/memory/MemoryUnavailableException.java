package io.langop.sdk.memory;

/**
 * The memory store could not be reached, also after retrying with backoff: the message says which store
 * (without credentials), what was being done and why it failed.
 */
public class MemoryUnavailableException extends RuntimeException {

    public MemoryUnavailableException(String message) {
        super(message);
    }
}
