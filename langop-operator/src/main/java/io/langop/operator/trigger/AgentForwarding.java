package io.langop.operator.trigger;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.kit.trigger.SignedEventPoster;
import io.langop.operator.reach.ServiceLocator;
import io.langop.wire.AgentTriggers;
import io.langop.wire.ObjectNames;
import io.langop.wire.ServiceWire;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forwarding of one agent's triggers: a watch per {@code kubernetes-event} trigger (on informers it shares with
 * the other agents' triggers) and a timer per {@code schedule} trigger put what they see into one {@link PendingEvents}, which one {@link EventDelivery} delivers to the agent's
 * Service. Started in a thread of its own, since a watch waits for its first list.
 */
final class AgentForwarding implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentForwarding.class);
    /** Waiting events of one agent; the keys merge per object, so only Events can come near it. */
    private static final int QUEUE_CAPACITY = 1000;

    private final ForwardingPlan plan;
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final Thread starter;
    private boolean closed;

    AgentForwarding(
            KubernetesClient client,
            SharedInformers informers,
            ServiceLocator services,
            SignedEventPoster poster,
            DeliveredState.WriteCoalescing writes,
            Clock clock,
            ForwardingPlan plan) {
        this.plan = plan;
        this.starter = Thread.ofVirtual()
                .name("forward-" + plan.namespace() + "-" + plan.agent())
                .unstarted(() -> start(client, informers, services, poster, writes, clock));
    }

    ForwardingPlan plan() {
        return plan;
    }

    void start() {
        starter.start();
    }

    private void start(
            KubernetesClient client,
            SharedInformers informers,
            ServiceLocator services,
            SignedEventPoster poster,
            DeliveredState.WriteCoalescing writes,
            Clock clock) {
        try {
            DeliveredState state = DeliveredState.load(
                    client,
                    plan.namespace(),
                    ObjectNames.of(plan.agent(), ObjectNames.TRIGGERS_ROLE),
                    plan.labels(),
                    plan.owner(),
                    writes);
            // closed last (the parts close in reverse), so that its last write has every delivery
            if (!add(state)) {
                return;
            }
            state.keepOnly(
                    plan.sources().stream().map(ForwardingPlan.Source::trigger).collect(Collectors.toSet()));
            PendingEvents pending = new PendingEvents(QUEUE_CAPACITY);
            Map<String, EventDelivery.Endpoint> endpoints = new LinkedHashMap<>();
            for (ForwardingPlan.Source source : plan.sources()) {
                endpoints.put(
                        source.trigger(),
                        new EventDelivery.Endpoint(
                                plan.namespace(),
                                plan.agent(),
                                source.trigger(),
                                source.type(),
                                services.url(
                                        plan.namespace(),
                                        ObjectNames.of(plan.agent(), ObjectNames.AGENT_ROLE),
                                        ServiceWire.AGENT_PORT,
                                        AgentTriggers.PATH + "/" + source.trigger()),
                                source.secret()));
            }
            EventDelivery delivery =
                    new EventDelivery(plan.namespace(), plan.agent(), endpoints, pending, state, poster);
            if (!add(delivery)) {
                return;
            }
            delivery.start();
            for (ForwardingPlan.Source source : plan.sources()) {
                Consumer<Forwarded> forward = event -> {
                    if (!pending.offer(event)) {
                        LOG.warn(
                                "Agent {}/{}: {} events wait already, {} {} waits for the next relist",
                                plan.namespace(),
                                plan.agent(),
                                QUEUE_CAPACITY,
                                event.type(),
                                event.id());
                    }
                };
                if (source.schedule()) {
                    ScheduleFiring firing =
                            new ScheduleFiring(source.trigger(), source.specText(), state, forward, clock);
                    if (!add(firing)) {
                        return;
                    }
                    firing.start();
                } else {
                    ResourceWatch watch = new ResourceWatch(
                            informers,
                            plan.namespace(),
                            source.trigger(),
                            source.spec().getKubernetes(),
                            source.specText(),
                            state,
                            forward,
                            clock);
                    if (!add(watch)) {
                        return;
                    }
                    watch.start();
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            LOG.error("Agent {}/{}: forwarding its triggers failed to start", plan.namespace(), plan.agent(), failed);
        }
    }

    /** Keeps a part to close; false (and closes it) when the forwarding was closed meanwhile. */
    private synchronized boolean add(AutoCloseable part) {
        if (closed) {
            closeQuietly(part);
            return false;
        }
        parts.add(part);
        return true;
    }

    @Override
    public synchronized void close() {
        closed = true;
        starter.interrupt();
        parts.reversed().forEach(AgentForwarding::closeQuietly);
        parts.clear();
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception failed) {
            LOG.warn("Closing {} failed: {}", part, failed.toString());
        }
    }
}
