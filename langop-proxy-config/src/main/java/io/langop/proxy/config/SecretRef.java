package io.langop.proxy.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a secret lives: exactly one of an environment variable name or a file path (a mounted Secret key).
 * Secret values never appear in the configuration file itself.
 */
public record SecretRef(String env, String file) {

    public static SecretRef env(String name) {
        return new SecretRef(name, null);
    }

    public static SecretRef file(Path path) {
        return new SecretRef(null, path.toString());
    }

    /** Reads the secret, trimmed of the trailing newline files usually carry. */
    public String resolve() {
        if (env != null) {
            String value = System.getenv(env);
            if (value == null || value.isBlank()) {
                throw new ConfigException("environment variable " + env + " is not set");
            }
            return value.strip();
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException(
                    "cannot read secret file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return env != null ? "env:" + env : "file:" + file;
    }
}
