package io.langop.sdk.config;

import io.langop.sdk.memory.MemoryLimits;
import java.util.Optional;

/**
 * Where the agent's memory is kept and the sizes it is held to.
 *
 * @param store the backend's name ({@code workspace} unless {@code MEMORY_STORE} says otherwise)
 * @param url its connection string with credentials; never logged
 * @param namespace the agent's namespace ({@code AGENT_NAMESPACE}), which with its name keeps agents sharing a
 *     store apart
 */
public record MemoryConfig(String store, Optional<String> url, Optional<String> namespace, MemoryLimits limits) {

    public static final MemoryConfig DEFAULT =
            new MemoryConfig("workspace", Optional.empty(), Optional.empty(), MemoryLimits.DEFAULT);

    /** What the agent's keys are stored under in a shared store: {@code <namespace>/<agent>}. */
    public String scope(String agentName) {
        return namespace.orElse("default") + "/" + agentName;
    }

    @Override
    public String toString() {
        return store + (url.isPresent() ? " (url ***)" : "") + " " + limits;
    }
}
