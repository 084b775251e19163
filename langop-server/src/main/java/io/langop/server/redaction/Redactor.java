package io.langop.server.redaction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces every occurrence of a set of secrets (API keys, passwords) in text with {@value #MASK}. Works on UTF-8
 * bytes, so text that is forwarded as bytes (a model's streamed events) is searched without being decoded, and
 * text without a secret comes back as the same instance, copied nowhere.
 *
 * <p>The search is Wu-Manber's: it looks at the text in windows as long as the shortest secret and, by the last two
 * bytes of a window, jumps ahead as far as no secret can start in between. For secrets of 40 bytes a text is
 * touched at about one byte in 20; only where a window's end could be the end of a secret's prefix are the secrets
 * compared. A secret also matches in the form JSON writers that escape {@code /} give it.
 *
 * <p>Secrets shorter than {@value #MIN_SECRET_LENGTH} bytes are not searched for: such a value (a placeholder such as
 * {@code none}) would match ordinary words, and is no secret worth the name.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";
    public static final int MIN_SECRET_LENGTH = 8;
    public static final Redactor NONE = new Redactor(Set.of());

    private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.US_ASCII);
    /** A window's length is capped so that every jump fits in a byte. */
    private static final int MAX_WINDOW = 255;

    private final Set<String> secrets;
    private final byte[][] patterns;
    /** The length of the shortest pattern, at most {@value #MAX_WINDOW}. */
    private final int window;
    /** By the last two bytes of a window: how far the next possible end of a pattern's prefix is (unsigned). */
    private final byte[] shift;

    private Redactor(Set<String> secrets) {
        this.secrets = secrets;
        this.patterns = secrets.stream()
                .flatMap(secret ->
                        secret.contains("/") ? Stream.of(secret, secret.replace("/", "\\/")) : Stream.of(secret))
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        this.window = Math.min(
                MAX_WINDOW,
                Arrays.stream(patterns).mapToInt(p -> p.length).min().orElse(MAX_WINDOW));
        this.shift = patterns.length == 0 ? new byte[0] : shifts(patterns, window);
    }

    /** Redacts {@code secrets}; null ones and those shorter than {@value #MIN_SECRET_LENGTH} bytes are left out. */
    public static Redactor of(Collection<String> secrets) {
        Set<String> kept = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_LENGTH) {
                kept.add(secret);
            }
        }
        return kept.isEmpty() ? NONE : new Redactor(Set.copyOf(kept));
    }

    /** Redacts the secrets of both. */
    public Redactor and(Redactor other) {
        if (other.secrets.isEmpty() || secrets.containsAll(other.secrets)) {
            return this;
        }
        List<String> both = new ArrayList<>(secrets);
        both.addAll(other.secrets);
        return of(both);
    }

    /** The secrets this redacts. */
    public Set<String> secrets() {
        return secrets;
    }

    private static byte[] shifts(byte[][] patterns, int window) {
        byte[] shift = new byte[65_536];
        Arrays.fill(shift, (byte) (window - 1));
        for (byte[] pattern : patterns) {
            for (int end = 1; end < window; end++) {
                int block = block(pattern, end);
                int distance = window - 1 - end;
                if (distance < (shift[block] & 0xff)) {
                    shift[block] = (byte) distance;
                }
            }
        }
        return shift;
    }

    /** The two bytes that end at {@code end}, as one number. */
    private static int block(byte[] bytes, int end) {
        return (bytes[end - 1] & 0xff) << 8 | (bytes[end] & 0xff);
    }

    /** {@code text} without the secrets: the same instance when it held none. */
    public byte[] redact(byte[] text) {
        if (patterns.length == 0 || text.length < window) {
            return text;
        }
        ByteArrayOutputStream redacted = null;
        int copied = 0;
        int end = window - 1;
        while (end < text.length) {
            int distance = shift[block(text, end)] & 0xff;
            if (distance > 0) {
                end += distance;
                continue;
            }
            int start = end - window + 1;
            int length = longestMatch(text, start);
            if (length == 0) {
                end++;
                continue;
            }
            if (redacted == null) {
                redacted = new ByteArrayOutputStream(text.length);
            }
            redacted.write(text, copied, start - copied);
            redacted.writeBytes(MASK_BYTES);
            copied = start + length;
            end = copied + window - 1;
        }
        if (redacted == null) {
            return text;
        }
        redacted.write(text, copied, text.length - copied);
        return redacted.toByteArray();
    }

    /** {@code text} without the secrets: the same instance when it held none. */
    public String redact(String text) {
        if (text == null || patterns.length == 0) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] redacted = redact(bytes);
        return redacted == bytes ? text : new String(redacted, StandardCharsets.UTF_8);
    }

    /** The length of the longest pattern at {@code start}, 0 when none is there. */
    private int longestMatch(byte[] text, int start) {
        int longest = 0;
        for (byte[] pattern : patterns) {
            if (pattern.length > longest
                    && start + pattern.length <= text.length
                    && Arrays.equals(text, start, start + pattern.length, pattern, 0, pattern.length)) {
                longest = pattern.length;
            }
        }
        return longest;
    }
}
