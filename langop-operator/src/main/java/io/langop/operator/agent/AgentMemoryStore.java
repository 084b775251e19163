package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.MemoryStore;
import io.langop.api.v1alpha1.agent.MemoryStoreType;
import io.langop.operator.kube.SecretVariable;
import io.langop.wire.AgentEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code spec.memoryStore} asks of the agent pod: the store's type, its connection string as a variable
 * that references the Secret (the operator never reads a Secret, and the value never lands in a ConfigMap), the
 * turns kept per conversation, and the egress rule that lets the pod reach the store.
 */
final class AgentMemoryStore {

    private AgentMemoryStore() {}

    static List<EnvVar> env(LanguageAgent agent) {
        MemoryStore store = agent.getSpec().getMemoryStore();
        List<EnvVar> env = new ArrayList<>();
        if (store == null) {
            return env;
        }
        MemoryStoreType type = Objects.requireNonNullElse(store.getType(), MemoryStoreType.EPHEMERAL);
        env.add(new EnvVarBuilder()
                .withName(AgentEnv.MEMORY_STORE)
                .withValue(type.name().toLowerCase(Locale.ROOT))
                .build());
        if (type != MemoryStoreType.EPHEMERAL && store.getConnectionSecretRef() != null) {
            env.add(SecretVariable.of(AgentEnv.MEMORY_URL, store.getConnectionSecretRef()));
        }
        if (store.getRetentionPolicy() != null && store.getRetentionPolicy().getMaxMessages() != null) {
            env.add(new EnvVarBuilder()
                    .withName(AgentEnv.MEMORY_MAX_MESSAGES)
                    .withValue(store.getRetentionPolicy().getMaxMessages().toString())
                    .build());
        }
        return env;
    }

    /** The store's egress rule, resolved with the agent's own rules. */
    static Optional<NetworkRule> egress(LanguageAgent agent) {
        return Optional.ofNullable(agent.getSpec().getMemoryStore()).map(MemoryStore::getEgress);
    }

    /**
     * A store the pod could not use: the schema's rule, checked again because not every API server checks CEL
     * (and a store without a Secret would make the agent fail at every memory operation).
     */
    static Optional<String> problem(LanguageAgent agent) {
        MemoryStore store = agent.getSpec().getMemoryStore();
        if (store == null || store.getType() == null || store.getType() == MemoryStoreType.EPHEMERAL) {
            return Optional.empty();
        }
        SecretKeyReference secret = store.getConnectionSecretRef();
        if (secret == null || secret.getName() == null || secret.getName().isBlank()) {
            return Optional.of("spec.memoryStore.type " + store.getType().name().toLowerCase(Locale.ROOT)
                    + " needs connectionSecretRef: the Secret key holding the store's connection string");
        }
        return Optional.empty();
    }
}
