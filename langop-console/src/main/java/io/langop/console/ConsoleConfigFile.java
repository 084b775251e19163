package io.langop.console;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.api.clientconfig.ClientConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code client.json} as the operator wrote it ({@link ClientConfig} on both sides). */
public final class ConsoleConfigFile {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ConsoleConfigFile() {}

    public static ClientConfig read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the client settings " + file + ": " + e.getMessage(), e);
        }
    }

    public static ClientConfig parse(String json) {
        try {
            return JSON.readValue(json, ClientConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the client settings are not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The console's own JSON mapper: lenient on unknown fields, as every reader of langop files is. */
    public static ObjectMapper json() {
        return JSON;
    }
}
