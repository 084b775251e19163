package io.langop.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures in the common {@code sha256=<hex>} form, compared in constant time: GitHub's over the body,
 * langop's {@code hmac} ({@link AgentTriggers#SIGNATURE_HEADER}) over {@code "<timestamp>.<body>"}, which the agent
 * checks and the operator signs what it forwards with.
 */
public final class HmacSha256 {

    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public HmacSha256(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** {@code sha256=<hex>} of the parts, signed one after the other. */
    public String sign(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return PREFIX + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available", unavailable);
        }
    }

    /** langop's {@code hmac}: the signature of {@code "<timestamp>.<body>"}, the timestamp in Unix seconds. */
    public String signTimestamped(String timestamp, byte[] body) {
        return sign((timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
    }

    /** Whether {@code header} is langop's {@code hmac} signature of the timestamp and body. */
    public boolean verifiesTimestamped(String header, String timestamp, byte[] body) {
        return header != null && equalInConstantTime(signTimestamped(timestamp, body), normalized(header));
    }

    /** Whether {@code header} is the signature of the parts (hex in either case). */
    public boolean verifies(String header, byte[]... parts) {
        return header != null && equalInConstantTime(sign(parts), normalized(header));
    }

    private static String normalized(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    /** Compares without telling by its duration how much of a guess was right. */
    public static boolean equalInConstantTime(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
