package io.langop.sdk.memory;

import io.langop.sdk.memory.spi.Space;
import io.langop.sdk.memory.spi.StoredEntry;
import io.langop.sdk.memory.spi.StoredValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Small text values kept between runs: what was already seen, a cursor, a counter. Each value holds at
 * most {@link MemoryLimits#maxValueBytes()} (64 KiB by default); larger things are documents.
 *
 * <pre>{@code
 * KeyValueStore state = Memory.current().state();
 * String lastId = state.get("last-seen-id").orElse("");
 * state.put("last-seen-id", newestId);
 * }</pre>
 */
public final class KeyValueStore {

    private static final String TEXT = "text/plain; charset=utf-8";

    private final BackendCalls calls;
    private final MemoryLimits limits;

    KeyValueStore(BackendCalls calls, MemoryLimits limits) {
        this.calls = calls;
        this.limits = limits;
    }

    public Optional<String> get(String key) {
        MemoryKeys.check("state key", key);
        return calls.call("reading state '" + key + "'", () -> calls.backend().get(Space.STATE, key))
                .map(value -> new String(value.content(), StandardCharsets.UTF_8));
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public void put(String key, String value) {
        MemoryKeys.check("state key", key);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limits.maxValueBytes()) {
            throw new IllegalArgumentException("state value '" + key + "' is " + bytes.length + " bytes; a value holds"
                    + " at most " + limits.maxValueBytes() + " (keep larger things with Memory.current().documents())");
        }
        putUnchecked(key, bytes);
    }

    /** @return whether the key was there */
    public boolean delete(String key) {
        MemoryKeys.check("state key", key);
        return calls.call("deleting state '" + key + "'", () -> calls.backend().delete(Space.STATE, key));
    }

    /** The keys that start with {@code prefix} ("" for all), sorted. */
    public List<String> keys(String prefix) {
        MemoryKeys.checkPrefix(prefix);
        return calls
                .call("listing state '" + prefix + "*'", () -> calls.backend().list(Space.STATE, prefix))
                .stream()
                .map(StoredEntry::key)
                .filter(key -> !key.startsWith(Memory.RESERVED_PREFIX))
                .toList();
    }

    /** For the runtime's own keys, which start with a character agent keys may not. */
    void putUnchecked(String key, byte[] bytes) {
        calls.run(
                "writing state '" + key + "'",
                () -> calls.backend().put(Space.STATE, key, new StoredValue(bytes, TEXT)));
    }

    Optional<String> getUnchecked(String key) {
        return calls.call("reading state '" + key + "'", () -> calls.backend().get(Space.STATE, key))
                .map(value -> new String(value.content(), StandardCharsets.UTF_8));
    }
}
