package io.langop.sdk.memory;

import io.langop.sdk.memory.spi.BackendUnavailableException;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.retry.Backoff;
import java.util.function.Supplier;

/**
 * Every backend operation goes through here: one that could not reach the store is tried again with
 * backoff (backend operations are safe to repeat), and when the store stays down the agent gets a
 * {@link MemoryUnavailableException} saying which store, doing what, and why.
 */
final class BackendCalls {

    private final MemoryBackend backend;
    private final Backoff backoff;

    BackendCalls(MemoryBackend backend, Backoff backoff) {
        this.backend = backend;
        this.backoff = backoff;
    }

    MemoryBackend backend() {
        return backend;
    }

    <T> T call(String what, Supplier<T> operation) {
        try {
            return backoff.call(
                    what + " in " + backend.description(),
                    operation::get,
                    failure -> failure instanceof BackendUnavailableException);
        } catch (BackendUnavailableException down) {
            throw new MemoryUnavailableException("memory store " + backend.description() + " is unavailable (" + what
                    + "): " + down.getMessage() + "; gave up after " + backoff.maxAttempts() + " attempts");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MemoryUnavailableException(
                    "interrupted while retrying (" + what + ") in memory store " + backend.description());
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected); // a Supplier throws nothing checked
        }
    }

    void run(String what, Runnable operation) {
        call(what, () -> {
            operation.run();
            return null;
        });
    }
}
