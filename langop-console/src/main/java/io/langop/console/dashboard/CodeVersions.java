package io.langop.console.dashboard;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.proxy.config.KeyDigests;
import io.langop.wire.AgentFiles;
import io.langop.wire.ObjectNames;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The code an agent runs and the version before it, from the ConfigMaps where the operator keeps them: the code
 * that runs is in {@code <agent>-code} (or the agent's own {@code spec.codeRef}); the one before is the last good
 * code in {@code <agent>-good-code} when that differs (new code on trial, or code written after a rollback), else
 * the version this dashboard saw running before the current one. Read on demand by name: the dashboard's Role
 * grants {@code get} on exactly these ConfigMaps and no list or watch of ConfigMaps at all.
 */
final class CodeVersions {

    /** One version of an agent's code and the ConfigMap it was read from. */
    record Version(String source, String configMap) {

        /** How many hex digits of the SHA-256 a version is shown by (as git shows commits). */
        static final int SHORT_HASH = 12;

        /** The start of the source's SHA-256: what the operator annotates the agent's pods with, shortened. */
        String hash() {
            return KeyDigests.sha256Hex(source).substring(0, SHORT_HASH);
        }
    }

    /** What the agent page shows: the running version, the one before (and where it came from), or why not. */
    record View(Optional<Version> running, Optional<Version> previous, String previousFrom, String problem) {}

    private final KubernetesClient client;
    private final String namespace;
    /** The version each agent ran when last looked at, to tell a new one from it. */
    private final Map<String, Version> lastSeen = new ConcurrentHashMap<>();

    private final Map<String, Version> before = new ConcurrentHashMap<>();

    CodeVersions(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    View of(LanguageAgent agent) {
        String name = agent.getMetadata().getName();
        try {
            Optional<Version> running = running(agent);
            if (running.isEmpty()) {
                return new View(Optional.empty(), Optional.empty(), "", "no code written yet");
            }
            Version seen = lastSeen.put(name, running.get());
            if (seen != null && !seen.source().equals(running.get().source())) {
                before.put(name, seen);
            }
            Optional<Version> good = read(ObjectNames.of(name, ObjectNames.GOOD_CODE_ROLE), AgentFiles.CODE_FILE)
                    .filter(version -> !version.source().equals(running.get().source()));
            if (good.isPresent()) {
                return new View(running, good, "the last good code, kept by the operator", null);
            }
            Optional<Version> earlier = Optional.ofNullable(before.get(name));
            return new View(running, earlier, "the version this dashboard saw run before", null);
        } catch (KubernetesClientException e) {
            return new View(Optional.empty(), Optional.empty(), "", "the code cannot be read: " + e.getCode());
        }
    }

    private Optional<Version> running(LanguageAgent agent) {
        var codeRef = agent.getSpec() == null ? null : agent.getSpec().getCodeRef();
        if (codeRef != null && codeRef.getName() != null) {
            return read(codeRef.getName(), Objects.requireNonNullElse(codeRef.getKey(), AgentFiles.CODE_FILE));
        }
        return read(ObjectNames.of(agent.getMetadata().getName(), ObjectNames.CODE_ROLE), AgentFiles.CODE_FILE);
    }

    private Optional<Version> read(String configMap, String key) {
        ConfigMap map =
                client.configMaps().inNamespace(namespace).withName(configMap).get();
        if (map == null || map.getData() == null || map.getData().get(key) == null) {
            return Optional.empty();
        }
        return Optional.of(new Version(map.getData().get(key), configMap));
    }
}
