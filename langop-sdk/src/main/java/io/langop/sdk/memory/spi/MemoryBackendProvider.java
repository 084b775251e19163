package io.langop.sdk.memory.spi;

/**
 * Opens one kind of backend; found with {@link java.util.ServiceLoader}, so the SDK carries no database
 * driver (the backends live in langop-memory, which the agent runtime brings).
 */
public interface MemoryBackendProvider {

    /** The name {@code MEMORY_STORE} selects it by, e.g. {@code redis}. */
    String type();

    /**
     * Opens the backend without waiting for its server: a store that is down at start makes operations fail
     * (and be retried), not the agent.
     *
     * @throws IllegalArgumentException when the settings cannot describe a store of this type (a malformed URL,
     *     a missing bucket); the message names what is wrong and never contains the URL's credentials
     */
    MemoryBackend open(MemorySettings settings);
}
