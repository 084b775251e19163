package io.langop.proxy.config;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A key a client presents as {@code Authorization: Bearer <key>}; usage and limits are kept per key.
 *
 * <p>The key is given as exactly one of a reference to its value ({@code key}) or the SHA-256 of its value
 * ({@code keySha256}, 64 hex digits). The operator writes hashes: the file is a ConfigMap, which must hold no
 * secret, and a proxy that learns of a new agent's key by a file reload needs no restart (a restart would cut
 * off its streams and start its usage counters again). A hash of a random 256-bit key gives nothing away: there
 * is no dictionary to try.
 *
 * @param name       shown in {@code /usage} and metrics (e.g. the agent's name); the key itself never is
 * @param key        where the key's value comes from; null when {@code keySha256} is given
 * @param keySha256  SHA-256 of the key's UTF-8 bytes, in hex; null when {@code key} is given
 * @param rateLimits limits for this client across all models
 * @param readsUsage whether the key may also read {@code /usage} and {@code /metrics} (the operator's key)
 */
public record ClientKey(String name, SecretRef key, String keySha256, RateLimits rateLimits, Boolean readsUsage) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public ClientKey {
        rateLimits = rateLimits == null ? RateLimits.UNLIMITED : rateLimits;
        keySha256 = keySha256 == null ? null : keySha256.toLowerCase(Locale.ROOT);
        readsUsage = Boolean.TRUE.equals(readsUsage) ? Boolean.TRUE : null;
    }

    /** A key read from {@code key}, with {@code rateLimits}, that reads no usage. */
    public static ClientKey of(String name, SecretRef key, RateLimits rateLimits) {
        return new ClientKey(name, key, null, rateLimits, null);
    }

    /** A key known by its SHA-256 (see {@link KeyDigests#sha256Hex}). */
    public static ClientKey hashed(String name, String keySha256, RateLimits rateLimits, boolean readsUsage) {
        return new ClientKey(name, null, keySha256, rateLimits, readsUsage);
    }

    public boolean mayReadUsage() {
        return Boolean.TRUE.equals(readsUsage);
    }

    /** The digest a presented key must have, from {@code keySha256}; null when the key is a reference. */
    public byte[] digest() {
        return keySha256 == null ? null : HexFormat.of().parseHex(keySha256);
    }

    static boolean isSha256Hex(String value) {
        return SHA256_HEX.matcher(value).matches();
    }
}
