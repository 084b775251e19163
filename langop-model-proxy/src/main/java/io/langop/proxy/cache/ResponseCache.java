package io.langop.proxy.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.openai.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Exact-match cache of one model's non-streaming answers: keyed on the SHA-256 of the request with keys
 * sorted (so key order does not matter), bounded by age and by the summed size of the cached bodies, least
 * recently used evicted first.
 */
public final class ResponseCache {

    private final Duration ttl;
    private final long maxBytes;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public ResponseCache(Duration ttl, long maxBytes, LongSupplier clock) {
        this.ttl = ttl;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The key of a request as the client sent it plus the endpoint path (chat and embeddings differ). */
    public static String key(String path, ObjectNode request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(Json.canonicalBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Whether a request may be served from or stored in the cache: sampling (temperature > 0, or left to the
     * upstream's default of 1) gives different answers by design, so it is cached only when configured.
     */
    public static boolean isDeterministic(JsonNode request) {
        JsonNode temperature = request.get("temperature");
        return temperature != null && temperature.isNumber() && temperature.asDouble() == 0.0;
    }

    public synchronized Optional<Entry> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.getAsLong() - entry.expiresAt() >= 0) {
            remove(key);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    public synchronized void put(String key, byte[] body, String answeredBy) {
        if (body.length > maxBytes) {
            return;
        }
        remove(key);
        entries.put(key, new Entry(body, answeredBy, clock.getAsLong() + ttl.toNanos()));
        bytes += body.length;
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().body().length;
            oldest.remove();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private void remove(String key) {
        Entry removed = entries.remove(key);
        if (removed != null) {
            bytes -= removed.body().length;
        }
    }

    /**
     * A cached answer.
     *
     * @param answeredBy the model that produced the answer (a fallback may have)
     */
    @SuppressWarnings("ArrayRecordComponent") // the body is sent as cached, without a copy; entries are not compared
    public record Entry(byte[] body, String answeredBy, long expiresAt) {}
}
