package io.langop.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex SHA-256 of text, the digest names and fingerprints are made of across the modules. */
public final class Sha256 {

    private static final int LENGTH = 32;

    private Sha256() {}

    /** The hex SHA-256 of the UTF-8 bytes of {@code text} (64 characters). */
    public static String hex(String text) {
        return hex(text, LENGTH);
    }

    /** The first {@code bytes} bytes (1 to 32) of the SHA-256 of {@code text}'s UTF-8 bytes, in hex. */
    public static String hex(String text, int bytes) {
        return HexFormat.of().formatHex(digest(text), 0, bytes);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException("every JVM has SHA-256", everyJvmHasIt);
        }
    }
}
