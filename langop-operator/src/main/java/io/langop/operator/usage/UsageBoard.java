package io.langop.operator.usage;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.model.ModelEndpoint;
import io.langop.operator.reach.ServiceLocator;
import io.langop.proxy.report.UsageReport;
import io.langop.wire.ServiceWire;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The last usage report of every model proxy, read with the operator's key, and who to tell when one changes.
 * {@link #poll} reads every proxy once (in parallel, each bounded by the reader's timeout) and tells the agents,
 * models and clusters whose figures changed, and nobody when nothing did: an idle installation costs one GET per
 * model proxy per interval and no write. Readers of the board (the reconcilers) turn figures into status.
 */
public final class UsageBoard {

    /**
     * What the operator knows of a proxy.
     *
     * @param report    the last report read, null before the first
     * @param reachable whether the last read succeeded
     */
    public record Reading(UsageReport report, boolean reachable) {}

    private record Proxy(URI usage, String key, ResourceID cluster) {}

    private final UsageReader reader;
    private final ServiceLocator services;
    private final Map<ResourceID, Proxy> proxies = new ConcurrentHashMap<>();
    private final Map<ResourceID, Reading> readings = new ConcurrentHashMap<>();
    private final List<Consumer<Set<ResourceID>>> agentListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<ResourceID>>> modelListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<ResourceID>>> clusterListeners = new CopyOnWriteArrayList<>();

    /** @param services where the operator reaches the proxies' Services */
    public UsageBoard(UsageReader reader, ServiceLocator services) {
        this.reader = reader;
        this.services = services;
    }

    /** Reads {@code model}'s proxy from the next poll on, with the operator's key there. */
    public void track(LanguageModel model, String operatorKey) {
        String clusterRef = model.getSpec().getClusterRef();
        proxies.put(
                ResourceID.fromResource(model),
                new Proxy(
                        services.url(
                                model.getMetadata().getNamespace(),
                                ModelEndpoint.name(model),
                                ModelEndpoint.PORT,
                                ServiceWire.PROXY_USAGE_PATH),
                        operatorKey,
                        clusterRef == null || clusterRef.isBlank()
                                ? null
                                : new ResourceID(clusterRef, model.getMetadata().getNamespace())));
    }

    public void forget(ResourceID model) {
        proxies.remove(model);
        readings.remove(model);
    }

    /** The operator's key at a model's proxy, once the model was reconciled. */
    public Optional<String> operatorKey(ResourceID model) {
        return Optional.ofNullable(proxies.get(model)).map(Proxy::key);
    }

    public Optional<Reading> reading(ResourceID model) {
        return Optional.ofNullable(readings.get(model));
    }

    /** The models of a cluster that were read, with their readings. */
    public Map<ResourceID, Reading> readingsOfCluster(ResourceID cluster) {
        Map<ResourceID, Reading> ofCluster = new java.util.TreeMap<>(java.util.Comparator.comparing(
                        (ResourceID id) -> id.getNamespace().orElse(""))
                .thenComparing(ResourceID::getName));
        proxies.forEach((model, proxy) -> {
            Reading reading = readings.get(model);
            if (cluster.equals(proxy.cluster()) && reading != null) {
                ofCluster.put(model, reading);
            }
        });
        return ofCluster;
    }

    public void onAgentsChanged(Consumer<Set<ResourceID>> listener) {
        agentListeners.add(listener);
    }

    public void onModelsChanged(Consumer<Set<ResourceID>> listener) {
        modelListeners.add(listener);
    }

    public void onClustersChanged(Consumer<Set<ResourceID>> listener) {
        clusterListeners.add(listener);
    }

    /** Reads every tracked proxy once and tells who changed. */
    public void poll() throws InterruptedException {
        Map<ResourceID, Future<Optional<UsageReport>>> answers = new java.util.HashMap<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            proxies.forEach((model, proxy) ->
                    answers.put(model, threads.submit(() -> reader.read(proxy.usage(), proxy.key()))));
        }
        Set<ResourceID> models = new HashSet<>();
        Set<ResourceID> agents = new HashSet<>();
        Set<ResourceID> clusters = new HashSet<>();
        for (var answer : answers.entrySet()) {
            ResourceID model = answer.getKey();
            Proxy proxy = proxies.get(model);
            if (proxy == null) {
                continue; // forgotten while it was read
            }
            Optional<UsageReport> report = result(answer.getValue());
            Reading before = readings.get(model);
            Reading now = report.map(r -> new Reading(r, true))
                    .orElseGet(() -> new Reading(before == null ? null : before.report(), false));
            if (now.equals(before)) {
                continue;
            }
            readings.put(model, now);
            models.add(model);
            UsageReport old = before == null ? null : before.report();
            if (!Objects.equals(old, now.report())) {
                agents.addAll(changedAgents(old, now.report()));
                if (proxy.cluster() != null) {
                    clusters.add(proxy.cluster());
                }
            }
        }
        tell(modelListeners, models);
        tell(agentListeners, agents);
        tell(clusterListeners, clusters);
    }

    private static Optional<UsageReport> result(Future<Optional<UsageReport>> answer) throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException unexpected) {
            throw new IllegalStateException(unexpected.getCause());
        }
    }

    /** The agents whose counters or runs differ between two reports of one proxy. */
    private static Set<ResourceID> changedAgents(UsageReport before, UsageReport now) {
        Set<String> clients = new HashSet<>();
        if (before != null) {
            clients.addAll(before.clients().keySet());
            clients.addAll(before.runs().keySet());
            clients.addAll(before.approvals().keySet());
        }
        if (now != null) {
            clients.addAll(now.clients().keySet());
            clients.addAll(now.runs().keySet());
            clients.addAll(now.approvals().keySet());
        }
        Set<ResourceID> agents = new HashSet<>();
        for (String client : clients) {
            boolean changed = before == null
                    || now == null
                    || !Objects.equals(
                            before.clients().get(client), now.clients().get(client))
                    || !Objects.equals(before.runs().get(client), now.runs().get(client))
                    || !Objects.equals(
                            before.approvals().get(client), now.approvals().get(client))
                    || !Objects.equals(before.since(), now.since());
            ResourceID agent = AgentModels.agentOf(client);
            if (changed && agent != null) {
                agents.add(agent);
            }
        }
        return agents;
    }

    private static void tell(List<Consumer<Set<ResourceID>>> listeners, Set<ResourceID> changed) {
        if (!changed.isEmpty()) {
            listeners.forEach(listener -> listener.accept(Set.copyOf(changed)));
        }
    }
}
