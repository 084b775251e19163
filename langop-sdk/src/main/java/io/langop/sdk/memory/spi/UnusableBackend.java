package io.langop.sdk.memory.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The store of an agent whose memory configuration is wrong (an unknown MEMORY_STORE, a connection string that
 * describes no store): the agent runs, and each memory operation fails with the reason instead of the process
 * failing at start again and again (a crash loop says less, and stops what needs no memory).
 */
final class UnusableBackend implements MemoryBackend {

    private final String type;
    private final String reason;

    UnusableBackend(String type, String reason) {
        this.type = type;
        this.reason = reason;
    }

    @Override
    public String description() {
        return type + " (not usable: " + reason + ")";
    }

    @Override
    public Optional<StoredValue> get(Space space, String key) {
        throw refusal();
    }

    @Override
    public void put(Space space, String key, StoredValue value) {
        throw refusal();
    }

    @Override
    public boolean delete(Space space, String key) {
        throw refusal();
    }

    @Override
    public List<StoredEntry> list(Space space, String prefix) {
        throw refusal();
    }

    @Override
    public void appendTurns(String session, List<String> turns, int keep) {
        throw refusal();
    }

    @Override
    public List<String> turns(String session) {
        throw refusal();
    }

    @Override
    public boolean deleteTurns(String session) {
        throw refusal();
    }

    @Override
    public boolean claim(String name, String owner, Duration lifetime) {
        throw refusal();
    }

    @Override
    public void close() {
        // nothing was opened
    }

    private IllegalStateException refusal() {
        return new IllegalStateException("the memory store " + type + " is not usable: " + reason
                + " (check the LanguageAgent's spec.memoryStore and its Secret)");
    }
}
