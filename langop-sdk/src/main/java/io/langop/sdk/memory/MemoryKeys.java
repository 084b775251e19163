package io.langop.sdk.memory;

import java.util.regex.Pattern;

/** The one rule for keys and session ids, so that every backend can store every key. */
final class MemoryKeys {

    static final int MAX_LENGTH = 200;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@=+/-]*");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:@=+/-]*");

    private MemoryKeys() {}

    /** @throws IllegalArgumentException naming the key and the rule it breaks */
    static String check(String what, String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " '" + key.substring(0, 40) + "...' is " + key.length()
                    + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        if (!KEY.matcher(key).matches() || key.endsWith("/") || key.contains("//")) {
            throw new IllegalArgumentException(what + " '" + key
                    + "' is not a valid key: start with a letter or digit, then letters, digits and . _ : @ = + - /"
                    + " (no empty path segments)");
        }
        return key;
    }

    /** A prefix to list by: empty, or characters keys are made of. */
    static String checkPrefix(String prefix) {
        if (prefix == null
                || prefix.length() > MAX_LENGTH
                || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "prefix '" + prefix + "' is not the start of a key: letters, digits and . _ : @ = + - /");
        }
        return prefix;
    }
}
