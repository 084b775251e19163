package io.langop.operator.usage;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import java.util.List;
import java.util.Objects;

/** The LanguageModels an agent names, as ids: a reference without a namespace is in the agent's. */
public final class AgentModels {

    private AgentModels() {}

    public static List<ResourceID> of(LanguageAgent agent) {
        if (agent.getSpec() == null) {
            return List.of();
        }
        String namespace = agent.getMetadata().getNamespace();
        return Objects.requireNonNullElse(agent.getSpec().getModelRefs(), List.<ModelReference>of()).stream()
                .map(ref -> new ResourceID(ref.getName(), Objects.requireNonNullElse(ref.getNamespace(), namespace)))
                .toList();
    }

    /** The name an agent's key carries at its proxies: unique across namespaces, which a proxy may serve. */
    public static String clientName(LanguageAgent agent) {
        return clientName(ResourceID.fromResource(agent));
    }

    static String clientName(ResourceID agent) {
        return agent.getNamespace().orElse("") + "/" + agent.getName();
    }

    /** The agent a client name stands for, or null when it names none (the operator's own key). */
    static ResourceID agentOf(String clientName) {
        int slash = clientName.indexOf('/');
        return slash <= 0 || slash == clientName.length() - 1
                ? null
                : new ResourceID(clientName.substring(slash + 1), clientName.substring(0, slash));
    }
}
