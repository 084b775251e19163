package io.langop.sdk.memory;

/** A store's server a test runs itself and can restart on the same address and data, as a restarted pod. */
public interface RestartableServer extends AutoCloseable {

    /** The connection string an agent is given ({@code MEMORY_URL}), credentials included. */
    String url();

    void stop() throws Exception;

    void restart() throws Exception;
}
