package io.langop.sdk.memory;

/** A store's server a test runs itself and can restart on the same address and data, as a restarted pod. */
public interface RestartableServer extends AutoCloseable {

    void stop() throws Exception;

    void restart() throws Exception;
}
