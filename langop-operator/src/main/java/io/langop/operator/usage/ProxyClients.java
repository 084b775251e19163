package io.langop.operator.usage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.agent.AgentRateLimits;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.proxy.config.ClientKey;
import io.langop.proxy.config.KeyDigests;
import io.langop.proxy.config.RateLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call a model's proxy: every agent that names the model, by its key's SHA-256 and with its
 * {@code spec.rateLimits} (requests and tokens per minute, enforced at the proxy where the agent's code cannot lift
 * them), and the operator, whose key also reads usage. The model controller watches agents and their key Secrets,
 * so an agent that appears, goes, changes its models or gets a new key changes the proxy's file at once; the proxy
 * picks the file up without a restart.
 */
public final class ProxyClients {

    /** The operator's client name at every proxy; no agent has it (agents' names carry a namespace). */
    public static final String OPERATOR = "langop-operator";

    static final String AGENTS = "proxy-client-agents";
    private static final String AGENT_KIND = HasMetadata.getKind(LanguageAgent.class);
    static final String AGENT_KEYS = "proxy-client-keys";

    private ProxyClients() {}

    /**
     * The clients of {@code model} and the operator's key, which the reconcile passes on to {@link ModelOperatorKey}.
     *
     * @param keys        what the proxy's file lists, in a stable order so an unchanged set renders the same file
     * @param operatorKey the operator's key (kept while the model lives, new for a new model)
     */
    public record Clients(List<ClientKey> keys, String operatorKey) {}

    public static Clients of(LanguageModel model, Context<LanguageModel> context) {
        String operatorKey = ProxyKeys.keyFor(
                context.getSecondaryResource(Secret.class, ModelOperatorKey.NAME)
                        .orElse(null),
                model);
        context.managedWorkflowAndDependentResourceContext().put(ModelOperatorKey.CHOSEN, operatorKey);
        List<ClientKey> keys = new ArrayList<>();
        keys.add(ClientKey.hashed(OPERATOR, KeyDigests.sha256Hex(operatorKey), RateLimits.UNLIMITED, true));
        ResourceID modelId = ResourceID.fromResource(model);
        InformerEventSource<Secret, LanguageModel> secrets = informer(context, Secret.class, AGENT_KEYS);
        informer(context, LanguageAgent.class, AGENTS)
                .list(agent -> AgentModels.of(agent).contains(modelId))
                .sorted(Comparator.comparing(AgentModels::clientName))
                .forEach(agent -> secrets.get(new ResourceID(
                                AgentProxyKey.name(agent), agent.getMetadata().getNamespace()))
                        .flatMap(secret -> ProxyKeys.keyOf(secret, agent))
                        .ifPresent(key -> keys.add(ClientKey.hashed(
                                AgentModels.clientName(agent),
                                KeyDigests.sha256Hex(key),
                                limits(agent.getSpec().getRateLimits()),
                                false))));
        return new Clients(List.copyOf(keys), operatorKey);
    }

    /** The informers of agents and of their key Secrets, each mapped back to the models that list them. */
    public static List<EventSource<?, LanguageModel>> eventSources(EventSourceContext<LanguageModel> context) {
        ModelsOfAgents modelsOfAgents = new ModelsOfAgents();
        InformerEventSource<LanguageAgent, LanguageModel> agents = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(LanguageAgent.class, LanguageModel.class)
                        .withName(AGENTS)
                        .withSecondaryToPrimaryMapper(modelsOfAgents)
                        .build(),
                context);
        InformerEventSource<Secret, LanguageModel> keys = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Secret.class, LanguageModel.class)
                        .withName(AGENT_KEYS)
                        .withLabelSelector(AgentProxyKey.SELECTOR)
                        .withSecondaryToPrimaryMapper(secret -> ownerAgent(secret)
                                .flatMap(agents::get)
                                .map(agent -> Set.copyOf(AgentModels.of(agent)))
                                .orElse(Set.of()))
                        .build(),
                context);
        return List.of(agents, keys);
    }

    private static Optional<ResourceID> ownerAgent(Secret secret) {
        return Objects.requireNonNullElse(secret.getMetadata().getOwnerReferences(), List.<OwnerReference>of()).stream()
                .filter(ref -> AGENT_KIND.equals(ref.getKind()))
                .findFirst()
                .map(ref -> new ResourceID(ref.getName(), secret.getMetadata().getNamespace()));
    }

    private static RateLimits limits(AgentRateLimits limits) {
        return limits == null
                ? RateLimits.UNLIMITED
                : new RateLimits(limits.getRequestsPerMinute(), limits.getTokensPerMinute(), null);
    }

    @SuppressWarnings("unchecked")
    private static <R extends HasMetadata> InformerEventSource<R, LanguageModel> informer(
            Context<LanguageModel> context, Class<R> kind, String name) {
        return (InformerEventSource<R, LanguageModel>)
                context.eventSourceRetriever().getEventSourceFor(kind, name);
    }

    /**
     * Maps an agent to the models it names now and those it named before: a model the agent stopped naming must
     * drop its key, and the framework hands a mapper only the agent as it is now. The framework asks more than once
     * per change (its index asks too), so the answer is kept per resource version.
     */
    private static final class ModelsOfAgents implements SecondaryToPrimaryMapper<LanguageAgent> {

        private record Mapping(String resourceVersion, Set<ResourceID> named, Set<ResourceID> toTell) {}

        private final Map<ResourceID, Mapping> mappings = new ConcurrentHashMap<>();

        @Override
        public Set<ResourceID> toPrimaryResourceIDs(LanguageAgent agent) {
            String version = agent.getMetadata().getResourceVersion();
            return mappings.compute(ResourceID.fromResource(agent), (id, before) -> {
                        if (before != null && Objects.equals(before.resourceVersion(), version)) {
                            return before;
                        }
                        Set<ResourceID> now = Set.copyOf(AgentModels.of(agent));
                        Set<ResourceID> both = new HashSet<>(now);
                        if (before != null) {
                            both.addAll(before.named());
                        }
                        return new Mapping(version, now, Set.copyOf(both));
                    })
                    .toTell();
        }
    }
}
