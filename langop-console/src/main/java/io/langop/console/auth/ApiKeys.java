package io.langop.console.auth;

import io.langop.proxy.config.KeyDigests;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of the {@code api-key} providers, read from their Secrets' variables: one key per line, either bare
 * (the user is named {@code <provider>-<line>}) or {@code name:key} (the user is {@code name}). Keys are held
 * as SHA-256 digests only, so a heap dump or a stray log of this object shows none.
 */
public final class ApiKeys {

    private final Map<String, User> byDigest = new HashMap<>();

    /** Adds the keys of one provider from its Secret's value. */
    public ApiKeys add(String provider, String secretValue) {
        int line = 0;
        for (String entry : secretValue.lines().toList()) {
            line++;
            String trimmed = entry.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            boolean named = colon > 0 && trimmed.substring(0, colon).matches("[\\w.@-]+");
            String name = named ? trimmed.substring(0, colon) : provider + "-" + line;
            String key = named ? trimmed.substring(colon + 1).strip() : trimmed;
            if (!key.isEmpty()) {
                byDigest.put(KeyDigests.sha256Hex(key), new User(provider + ":" + name, name, provider));
            }
        }
        return this;
    }

    public boolean isEmpty() {
        return byDigest.isEmpty();
    }

    public Optional<User> user(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDigest.get(KeyDigests.sha256Hex(presentedKey.strip())));
    }
}
