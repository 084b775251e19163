package io.langop.sdk.memory.spi;

import java.time.Duration;
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
 * error, conversation turns carry ids the SDK uses to drop a turn appended twice, and a claim taken again by
 * its owner is the owner's.
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

    /**
     * Claims {@code name} for {@code owner} for {@code lifetime} from now, atomically: of callers claiming one name at
     * the same moment, exactly one gets it. The runtime claims a trigger's delivery this way before it runs it, so that
     * replicas sharing the store run a delivery once. Claims live apart from values and turns (no get or list sees
     * them); an expired claim is free to take. Names arrive checked like keys; owners are at most 200 characters.
     *
     * @return true when the name is {@code owner}'s now: this call took it, the owner held it already (a claim retried
     *     after its answer was lost, a restarted process claiming again; the lifetime starts again), or another
     *     owner's claim had expired; false while another owner's claim lasts
     */
    boolean claim(String name, String owner, Duration lifetime);

    @Override
    void close();
}
