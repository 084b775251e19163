package io.langop.sdk.memory.spi;

import java.util.List;
import java.util.Optional;

/**
 * Where an agent's memory lives: the workspace, Redis, Postgres, S3. A backend only stores and fetches;
 * keys are checked, sizes limited, failures retried and conversations assembled by the SDK
 * ({@link io.langop.sdk.memory.Memory}), so every backend behaves the same (one contract test suite holds
 * each to it). Keys arrive checked: 1 to 200 characters of letters, digits and {@code . _ - / : @ = +}.
 *
 * <p>Operations that could not reach the store throw {@link BackendUnavailableException}; they are
 * retried with backoff, so each must be safe to repeat: a put replaces, a delete of nothing is no
 * error, and conversation turns carry ids the SDK uses to drop a turn appended twice.
 */
public interface MemoryBackend extends AutoCloseable {

    /** Where the store is, for error messages and logs: no credentials (e.g. {@code redis at cache:6379}). */
    String description();

    Optional<StoredValue> get(Space space, String key);

    void put(Space space, String key, StoredValue value);

    /** @return whether the key existed */
    boolean delete(Space space, String key);

    /** The keys starting with {@code prefix} ("" for all), sorted. */
    List<StoredEntry> list(Space space, String prefix);

    /** Appends encoded turns to a session's history, then keeps only its last {@code keep} turns. */
    void appendTurns(String session, List<String> turns, int keep);

    /** A session's encoded turns, oldest first; empty for an unknown session. */
    List<String> turns(String session);

    /** @return whether the session had turns */
    boolean deleteTurns(String session);

    @Override
    void close();
}
