package io.langop.sdk.memory.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a backend is opened with.
 *
 * @param type the backend's name ({@code workspace}, {@code redis}, {@code postgres}, {@code s3})
 * @param url its connection string, credentials included (never logged: backends describe themselves
 *     without it); empty for the workspace
 * @param scope what keeps agents sharing one store apart ({@code <namespace>/<agent>}); backends put it in
 *     front of every key
 * @param workspace the agent's workspace directory
 */
public record MemorySettings(String type, String url, String scope, Path workspace) {

    public MemorySettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(workspace, "workspace");
    }

    @Override
    public String toString() {
        return "MemorySettings[type=" + type + ", url=" + (url.isEmpty() ? "none" : "***") + ", scope=" + scope
                + ", workspace=" + workspace + "]";
    }
}
