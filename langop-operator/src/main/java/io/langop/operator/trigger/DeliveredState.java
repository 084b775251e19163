package io.langop.operator.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent accepted of its forwarded triggers, kept in ConfigMap {@code <agent>-triggers} (owned by the agent):
 * per {@code kubernetes-event} trigger the name and resource version of each watched object as last delivered, per
 * {@code schedule} trigger its last delivered time. A restarted operator compares what it lists with this and delivers
 * the difference: changes seen and not yet accepted when it stopped, and those it missed while it was away. Each entry
 * carries the trigger's spec as it was watched ({@code spec}); another spec starts afresh.
 *
 * <p>Deliveries are noted in memory at once and written together ({@link #saveSoon}): at most one write per agent per
 * {@link WriteCoalescing#interval()}, and the last one when the forwarding ends ({@link #close}). An operator that
 * dies between two writes delivers the deliveries of that last interval again, with the same ids, and the agent runs
 * them once; so the writes cost one API request per interval however noisy the namespace, not one per event.
 */
final class DeliveredState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveredState.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A watched object as last delivered. */
    record Seen(String name, String resourceVersion) {}

    /**
     * When the writes of {@link #saveSoon} happen.
     *
     * @param timer runs the writes (one thread for every agent: a write is one short API request)
     * @param interval the least time between two writes of one agent's state
     */
    record WriteCoalescing(ScheduledExecutorService timer, Duration interval) {
        static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    }

    private final KubernetesClient client;
    private final ConfigMap template;
    private final WriteCoalescing coalescing;
    private final Map<String, ObjectNode> triggers = new TreeMap<>();
    /** One write at a time, so that a write never overtakes a later one with older data. */
    private final ReentrantLock writing = new ReentrantLock();

    private boolean dirty;
    private boolean writeInFlight;
    private boolean closed;
    private ScheduledFuture<?> scheduledWrite;
    private long lastWriteNanos;

    private DeliveredState(
            KubernetesClient client, ConfigMap template, WriteCoalescing coalescing, Map<String, ObjectNode> stored) {
        this.client = client;
        this.template = template;
        this.coalescing = coalescing;
        this.triggers.putAll(stored);
        this.lastWriteNanos = System.nanoTime() - coalescing.interval().toNanos();
    }

    /** Reads the agent's ConfigMap; a missing or unreadable one is an empty state. */
    static DeliveredState load(
            KubernetesClient client,
            String namespace,
            String name,
            Map<String, String> labels,
            OwnerReference owner,
            WriteCoalescing coalescing) {
        ConfigMap template = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .withOwnerReferences(owner)
                .endMetadata()
                .build();
        Map<String, ObjectNode> stored = new LinkedHashMap<>();
        ConfigMap existing =
                client.configMaps().inNamespace(namespace).withName(name).get();
        boolean ours = existing != null
                && existing.getMetadata().getOwnerReferences() != null
                && existing.getMetadata().getOwnerReferences().stream()
                        .anyMatch(ref -> ref.getUid().equals(owner.getUid()));
        if (ours && existing.getData() != null) {
            existing.getData().forEach((trigger, json) -> {
                try {
                    if (JSON.readTree(json) instanceof ObjectNode entry) {
                        stored.put(trigger, entry);
                    }
                } catch (JsonProcessingException unreadable) {
                    LOG.warn("ConfigMap {}/{}: entry {} is not JSON, starting it afresh", namespace, name, trigger);
                }
            });
        }
        return new DeliveredState(client, template, coalescing, stored);
    }

    /** Forgets the triggers the agent no longer has. */
    synchronized void keepOnly(Set<String> current) {
        dirty |= triggers.keySet().retainAll(current);
    }

    /** The objects last delivered to the trigger when it watched {@code spec}; empty when it never did. */
    synchronized Optional<Map<String, Seen>> objects(String trigger, String spec) {
        ObjectNode entry = entry(trigger, spec);
        if (entry == null) {
            return Optional.empty();
        }
        Map<String, Seen> objects = new LinkedHashMap<>();
        entry.path("objects")
                .properties()
                .forEach(object -> objects.put(
                        object.getKey(),
                        new Seen(
                                object.getValue().path("name").asText(),
                                object.getValue().path("resourceVersion").asText())));
        return Optional.of(objects);
    }

    /** Starts the trigger's entry for {@code spec} with the objects there now (none of which is delivered). */
    synchronized void startWatching(String trigger, String spec, Map<String, Seen> objects) {
        ObjectNode entry = JSON.createObjectNode().put("spec", spec);
        ObjectNode stored = entry.putObject("objects");
        objects.forEach((uid, seen) ->
                stored.putObject(uid).put("name", seen.name()).put("resourceVersion", seen.resourceVersion()));
        triggers.put(trigger, entry);
        dirty = true;
    }

    /** The object's version was delivered (or needs no delivery, as a change the trigger does not forward). */
    synchronized void seen(String trigger, String uid, Seen seen) {
        ObjectNode entry = triggers.get(trigger);
        if (entry != null) {
            ((ObjectNode) entry.path("objects"))
                    .putObject(uid)
                    .put("name", seen.name())
                    .put("resourceVersion", seen.resourceVersion());
            dirty = true;
        }
    }

    /** The object's deletion was delivered. */
    synchronized void gone(String trigger, String uid) {
        ObjectNode entry = triggers.get(trigger);
        if (entry != null && entry.path("objects") instanceof ObjectNode objects && objects.remove(uid) != null) {
            dirty = true;
        }
    }

    /** The schedule's last delivered time, when it was delivered for {@code spec}. */
    synchronized Optional<Instant> lastTime(String trigger, String spec) {
        ObjectNode entry = entry(trigger, spec);
        return entry == null || !entry.hasNonNull("time")
                ? Optional.empty()
                : Optional.of(Instant.parse(entry.get("time").asText()));
    }

    synchronized void lastTime(String trigger, String spec, Instant time) {
        triggers.put(trigger, JSON.createObjectNode().put("spec", spec).put("time", time.toString()));
        dirty = true;
    }

    /**
     * Writes what changed within the {@link WriteCoalescing#interval()}: now when the last write is that long ago,
     * else when it will be. What is noted meanwhile goes into the same write.
     */
    synchronized void saveSoon() {
        if (scheduledWrite != null || writeInFlight || closed || !dirty) {
            return; // a write in flight calls this again when it ends
        }
        long wait = lastWriteNanos + coalescing.interval().toNanos() - System.nanoTime();
        scheduledWrite = coalescing.timer().schedule(this::scheduledSave, Math.max(0, wait), TimeUnit.NANOSECONDS);
    }

    private void scheduledSave() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        save();
        synchronized (this) {
            scheduledWrite = null; // held while writing, so that what is noted meanwhile waits for the interval
        }
        saveSoon(); // what was noted meanwhile, or a failed write again, an interval later
    }

    /** Writes the last changes: the forwarding ends (the operator stops, the agent's triggers changed). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (scheduledWrite != null) {
                scheduledWrite.cancel(false);
                scheduledWrite = null;
            }
        }
        save();
    }

    /**
     * Writes what changed since the last write now; what is noted meanwhile, or a failed write, is written an interval
     * later ({@link #saveSoon}). The request runs
     * outside the monitor, so that noting a delivery (which the informers' threads do, shared by every agent watching
     * the same objects) never waits for the API server; writes take turns, each with what was noted before it.
     */
    void save() {
        writing.lock();
        try {
            ConfigMap desired;
            synchronized (this) {
                if (!dirty) {
                    return;
                }
                Map<String, String> data = new TreeMap<>();
                triggers.forEach((trigger, entry) -> data.put(trigger, entry.toString()));
                desired = new ConfigMapBuilder(template).withData(data).build();
                dirty = false;
                writeInFlight = true;
            }
            try {
                client.resource(desired).createOr(NonDeletingOperation::update);
            } catch (KubernetesClientException failed) {
                synchronized (this) {
                    dirty = true;
                }
                LOG.warn(
                        "Cannot write ConfigMap {}/{} ({}): a restarted operator may deliver some events again",
                        template.getMetadata().getNamespace(),
                        template.getMetadata().getName(),
                        failed.getMessage());
            } finally {
                synchronized (this) {
                    // counted from the write's end: a slow API server then sees at least the interval between two
                    // writes
                    lastWriteNanos = System.nanoTime();
                    writeInFlight = false;
                }
            }
        } finally {
            writing.unlock();
        }
        saveSoon();
    }

    private ObjectNode entry(String trigger, String spec) {
        ObjectNode entry = triggers.get(trigger);
        JsonNode stored = entry == null ? null : entry.get("spec");
        return stored != null && stored.asText().equals(spec) ? entry : null;
    }
}
