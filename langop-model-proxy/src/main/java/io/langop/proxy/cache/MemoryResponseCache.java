package io.langop.proxy.cache;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A model's response cache in this replica's heap: bounded by age and by the summed size of the cached bodies,
 * least recently used evicted first.
 */
public final class MemoryResponseCache implements ResponseCache {

    private final Duration ttl;
    private final long maxBytes;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Stored> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public MemoryResponseCache(Duration ttl, long maxBytes, LongSupplier clock) {
        this.ttl = ttl;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Entry> get(String key) {
        Stored stored = entries.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        if (clock.getAsLong() - stored.expiresAt() >= 0) {
            remove(key);
            return Optional.empty();
        }
        return Optional.of(stored.entry());
    }

    @Override
    public synchronized void put(String key, byte[] body, String answeredBy) {
        if (body.length > maxBytes) {
            return;
        }
        remove(key);
        entries.put(key, new Stored(new Entry(body, answeredBy), clock.getAsLong() + ttl.toNanos()));
        bytes += body.length;
        Iterator<Map.Entry<String, Stored>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().entry().body().length;
            oldest.remove();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private void remove(String key) {
        Stored removed = entries.remove(key);
        if (removed != null) {
            bytes -= removed.entry().body().length;
        }
    }

    private record Stored(Entry entry, long expiresAt) {}
}
