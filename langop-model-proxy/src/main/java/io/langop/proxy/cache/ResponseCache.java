package io.langop.proxy.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.openai.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Exact-match cache of one model's non-streaming answers, keyed on the SHA-256 of the request with keys sorted (so
 * key order does not matter): in the replica's heap ({@link MemoryResponseCache}) or in the Redis the replicas share
 * ({@link RedisResponseCache}).
 */
public interface ResponseCache {

    /** The cached answer to the request of {@code key}; empty when there is none (or it cannot be read now). */
    Optional<Entry> get(String key);

    /** Keeps an answer; a cache that cannot keep it now lets it go. */
    void put(String key, byte[] body, String answeredBy);

    /** The key of a request as the client sent it plus the endpoint path (chat and embeddings differ). */
    static String key(String path, ObjectNode request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
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
    static boolean isDeterministic(JsonNode request) {
        JsonNode temperature = request.get("temperature");
        return temperature != null && temperature.isNumber() && temperature.asDouble() == 0.0;
    }

    /**
     * A cached answer.
     *
     * @param answeredBy the model that produced the answer (a fallback may have)
     */
    @SuppressWarnings("ArrayRecordComponent") // the body is sent as cached, without a copy; entries are not compared
    record Entry(byte[] body, String answeredBy) {}
}
