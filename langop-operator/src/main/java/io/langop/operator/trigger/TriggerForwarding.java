package io.langop.operator.trigger;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.kit.trigger.SignedEventPoster;
import io.langop.operator.agent.AgentWebhooks;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.operator.reach.ServiceLocator;
import io.langop.sdk.retry.Backoff;
import io.langop.wire.ObjectNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards what event-driven agents' {@code kubernetes-event} and {@code schedule} triggers ask for to the agents
 * ({@link AgentForwarding} per agent): the operator watches, with its own RBAC, and the agent needs no API access. The
 * agent reconciler hands each agent over while its Deployment is available ({@link #reconciled}): an agent that is down
 * gets nothing, and what changes meanwhile is delivered when it is back (the watch then compares with what was
 * delivered). A forwarding is replaced when the agent's triggers or their secrets change and ends when the agent is
 * deleted, turns invalid, is unavailable or has no such trigger. The agents' watches share their informers ({@link
 * SharedInformers}): one watch on the API server per watched object, however many agents watch it.
 *
 * <p>An event source of the agent controller, so it runs while the controller runs (with leader election, only in the
 * leader) and stops with it. It starts no reconcile.
 */
public final class TriggerForwarding extends AbstractEventSource<Void, LanguageAgent>
        implements ResourceEventAware<LanguageAgent> {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerForwarding.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The pauses between attempts at an agent that does not take an event: 0.5 s doubling to 30 s. */
    static final Backoff RETRY = new Backoff(Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30));

    private final KubernetesClient client;
    private final ServiceLocator services;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<ResourceID, AgentForwarding> forwardings = new ConcurrentHashMap<>();
    private HttpClient http;
    private SignedEventPoster poster;
    private ScheduledExecutorService stateWriter;
    private SharedInformers informers;

    /** @param meters the operator's {@code /metrics} registry, where deliveries are counted and timed */
    public TriggerForwarding(KubernetesClient client, ServiceLocator services, MeterRegistry meters) {
        super(Void.class, "trigger-forwarding");
        this.client = client;
        this.services = services;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    @Override
    public synchronized void start() {
        http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        poster = new SignedEventPoster(http, clock, RETRY, meters);
        stateWriter = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("trigger-state-writer").daemon().factory());
        informers = new SharedInformers(client);
        super.start();
    }

    /**
     * The agent was reconciled: forwards its triggers as its spec says now.
     *
     * @param secrets the generated secrets of Secret {@code <agent>-webhooks} by key, as text
     */
    public synchronized void reconciled(LanguageAgent agent, Map<String, String> secrets) {
        ResourceID id = ResourceID.fromResource(agent);
        List<ForwardingPlan.Source> sources = AgentWebhooks.of(agent).stream()
                .filter(AgentWebhooks.Served::forwarded)
                .filter(served -> secrets.containsKey(served.secretKey()))
                .map(served ->
                        new ForwardingPlan.Source(served.name(), served.trigger(), secrets.get(served.secretKey())))
                .toList();
        if (sources.isEmpty() || !isRunning()) {
            stopped(agent);
            return;
        }
        ForwardingPlan plan = new ForwardingPlan(
                agent.getMetadata().getNamespace(),
                agent.getMetadata().getName(),
                Owners.controller(agent),
                stateLabels(agent),
                sources);
        AgentForwarding current = forwardings.get(id);
        if (current != null && current.plan().fingerprint().equals(plan.fingerprint())) {
            return;
        }
        if (current != null) {
            current.close();
        }
        LOG.info(
                "Agent {}: forwarding {} trigger(s) {}",
                id,
                sources.size(),
                sources.stream().map(ForwardingPlan.Source::trigger).toList());
        AgentForwarding forwarding = new AgentForwarding(
                client,
                informers,
                services,
                poster,
                new DeliveredState.WriteCoalescing(stateWriter, DeliveredState.WriteCoalescing.DEFAULT_INTERVAL),
                clock,
                plan);
        forwardings.put(id, forwarding);
        forwarding.start();
    }

    /** Forwards nothing more to the agent (what was not delivered is delivered by a later forwarding). */
    public synchronized void stopped(HasMetadata agent) {
        AgentForwarding forwarding = forwardings.remove(ResourceID.fromResource(agent));
        if (forwarding != null) {
            LOG.info("Agent {}: no trigger forwarded any more", ResourceID.fromResource(agent));
            forwarding.close();
        }
    }

    @Override
    public void onResourceDeleted(LanguageAgent agent) {
        stopped(agent);
    }

    @Override
    public synchronized void stop() {
        forwardings.values().forEach(AgentForwarding::close);
        forwardings.clear();
        if (informers != null) {
            informers.close(); // each forwarding let go of its informers as it closed: this stops none in practice
        }
        if (stateWriter != null) {
            stateWriter.shutdownNow(); // every state wrote its last changes as its forwarding closed
        }
        if (http != null) {
            http.close();
        }
        super.stop();
    }

    @Override
    public Set<Void> getSecondaryResources(LanguageAgent primary) {
        return Set.of();
    }

    /**
     * The state ConfigMap's labels: the agent's, without {@code managed-by}, so that the agent's informers (which select
     * on it) do not reconcile the agent at each delivery.
     */
    private static Map<String, String> stateLabels(LanguageAgent agent) {
        Map<String, String> labels = Labels.selector(agent);
        labels.put(Labels.COMPONENT, ObjectNames.TRIGGERS_ROLE);
        return labels;
    }
}
