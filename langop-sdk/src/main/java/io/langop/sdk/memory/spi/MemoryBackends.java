package io.langop.sdk.memory.spi;

import io.langop.sdk.memory.workspace.WorkspaceBackend;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the backend {@code MEMORY_STORE} names: the workspace one built in, the others from the class path. */
public final class MemoryBackends {

    /** The default: files under the agent's workspace. */
    public static final String WORKSPACE = "workspace";
    /** The API's name for the default (a LanguageAgent's {@code memoryStore.type: ephemeral}). */
    public static final String EPHEMERAL = "ephemeral";

    private static final Logger LOG = LoggerFactory.getLogger(MemoryBackends.class);

    private MemoryBackends() {}

    public static MemoryBackend open(MemorySettings settings) {
        String type = settings.type().strip().toLowerCase(Locale.ROOT);
        if (type.equals(WORKSPACE) || type.equals(EPHEMERAL)) {
            return new WorkspaceBackend(settings.workspace());
        }
        List<MemoryBackendProvider> providers = ServiceLoader.load(MemoryBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        return providers.stream()
                .filter(provider -> provider.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("memory store '" + settings.type()
                        + "' is not available; this runtime has: "
                        + available(providers)))
                .open(settings);
    }

    /**
     * Opens the backend, or, when the settings describe none, a backend whose every operation fails with the
     * reason, so that a wrong configuration stops what needs memory and nothing else.
     */
    public static MemoryBackend openOrExplain(MemorySettings settings) {
        try {
            return open(settings);
        } catch (IllegalArgumentException wrong) {
            LOG.error(
                    "Memory store '{}' cannot be used: {}; every memory operation fails until the configuration is"
                            + " fixed",
                    settings.type(),
                    wrong.getMessage());
            return new UnusableBackend(settings.type(), wrong.getMessage());
        }
    }

    private static String available(List<MemoryBackendProvider> providers) {
        TreeSet<String> types =
                providers.stream().map(MemoryBackendProvider::type).collect(Collectors.toCollection(TreeSet::new));
        types.add(WORKSPACE);
        return String.join(", ", types);
    }
}
