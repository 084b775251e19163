package io.langop.operator.trigger;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.langop.api.v1alpha1.agent.KubernetesEventSource;
import io.langop.api.v1alpha1.agent.ResourceChange;
import io.langop.api.v1alpha1.agent.WatchedObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch of one {@code kubernetes-event} trigger: an informer per named object (a field selector on its name), one on
 * the trigger's labels, or one on the namespace's Events, each shared with every other trigger that watches the same
 * ({@link SharedInformers}). Each change the trigger forwards goes to {@code forward}.
 *
 * <p>What the trigger saw last is in {@link DeliveredState}. When the watch starts, the objects listed are held against
 * it: an object at another version was changed while no operator watched (or its change was not accepted before the
 * operator stopped), one not there before was added, one there before and gone now was deleted. The first watch of a
 * trigger takes what it lists as the starting point and forwards nothing of it. A trigger that joins an informer
 * another trigger started compares the same way, with what that informer holds once it has listed: sharing changes
 * what the API server serves, not what a trigger is delivered.
 */
final class ResourceWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceWatch.class);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

    private final SharedInformers informers;
    private final String namespace;
    private final String trigger;
    private final KubernetesEventSource spec;
    private final String specText;
    private final WatchedKind kind;
    private final DeliveredState state;
    private final Consumer<Forwarded> forward;
    private final Clock clock;
    private final Set<ResourceChange> changes;
    private final List<SharedInformers.Lease> leases = new ArrayList<>();
    private final Handler handler = new Handler();
    /** uid → the version this watch last handled; the starting point until the informers have synced. */
    private final Map<String, DeliveredState.Seen> current = new HashMap<>();

    private boolean firstWatch;
    private boolean synced;
    private boolean closed;

    ResourceWatch(
            SharedInformers informers,
            String namespace,
            String trigger,
            KubernetesEventSource spec,
            String specText,
            DeliveredState state,
            Consumer<Forwarded> forward,
            Clock clock) {
        this.informers = informers;
        this.namespace = namespace;
        this.trigger = trigger;
        this.spec = spec;
        this.specText = specText;
        this.kind = WatchedKind.of(spec).orElseThrow();
        this.state = state;
        this.forward = forward;
        this.clock = clock;
        this.changes = spec.getChanges() == null || spec.getChanges().isEmpty()
                ? EnumSet.allOf(ResourceChange.class)
                : EnumSet.copyOf(spec.getChanges());
    }

    /** Joins (or starts) the informers and, once they listed, delivers what changed since the last delivery. */
    void start() throws InterruptedException {
        synchronized (this) {
            var delivered = state.objects(trigger, specText);
            firstWatch = delivered.isEmpty();
            delivered.ifPresent(current::putAll);
        }
        for (SharedInformers.Selection selection : selections()) {
            if (!join(selection)) {
                return;
            }
        }
        boolean complete = true;
        for (SharedInformers.Lease lease : leases()) {
            try {
                lease.started().get(SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException failed) {
                // the informer keeps trying; what it lists later is compared then
                LOG.warn("Trigger {} in {}: the {} failed to list: {}", trigger, namespace, lease, failed.toString());
            }
            // an informer that others started may have failed its first list and listed since
            complete &= lease.informer().hasSynced();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            Map<String, HasMetadata> listed = new HashMap<>();
            leases.forEach(
                    lease -> lease.informer().getStore().list().forEach(object -> listed.put(uid(object), object)));
            if (firstWatch) {
                listed.values().stream()
                        .filter(this::selected)
                        .forEach(object -> current.put(uid(object), seen(object)));
                state.startWatching(trigger, specText, current);
            } else {
                listed.values().forEach(object -> observe(null, object));
                // only a complete list tells that an object is gone
                for (var gone : complete
                        ? new HashMap<>(current).entrySet()
                        : Set.<Map.Entry<String, DeliveredState.Seen>>of()) {
                    if (!listed.containsKey(gone.getKey())) {
                        deleted(stub(gone.getKey(), gone.getValue()));
                    }
                }
            }
            synced = true;
        }
        state.save();
    }

    /**
     * What the trigger watches, one informer each: the named objects one by one, the labelled ones, or the namespace's
     * Events (or all objects of the kind).
     */
    private List<SharedInformers.Selection> selections() {
        if (spec.getNames() != null && !spec.getNames().isEmpty()) {
            return spec.getNames().stream()
                    .distinct()
                    .map(name -> SharedInformers.Selection.named(namespace, kind, name))
                    .toList();
        }
        if (spec.getLabels() != null && !spec.getLabels().isEmpty()) {
            return List.of(SharedInformers.Selection.labelled(namespace, kind, spec.getLabels()));
        }
        return List.of(SharedInformers.Selection.all(namespace, kind));
    }

    /**
     * Leases the selection's informer and adds this trigger's handler to it; false when the watch was closed meanwhile.
     * An informer that runs already calls the handler at once with what it holds: that is a relist, which {@link
     * #observe} takes as such.
     */
    private boolean join(SharedInformers.Selection selection) {
        SharedInformers.Lease lease;
        synchronized (this) {
            if (closed) {
                return false;
            }
            // under the monitor: a closing operator closes its watches (which wait for this) before its informers
            lease = informers.lease(selection);
        }
        // outside the monitor: fabric8 calls the handler with what the informer holds before it returns
        lease.informer().addEventHandler(handler);
        synchronized (this) {
            if (!closed) {
                leases.add(lease);
                return true;
            }
        }
        // closed while joining: close() did not know this lease
        lease.informer().removeEventHandler(handler);
        lease.close();
        return false;
    }

    private synchronized List<SharedInformers.Lease> leases() {
        return List.copyOf(leases);
    }

    /**
     * The trigger's handler. It runs on the informer's thread, which every trigger watching the same objects shares, so
     * it only notes and queues ({@link PendingEvents#offer} and {@link DeliveredState} never wait for I/O): one agent's
     * slow endpoint or state write holds back no other agent's changes. An exception in it is logged by fabric8 and
     * reaches no other trigger's handler.
     */
    private final class Handler implements ResourceEventHandler<HasMetadata> {
        @Override
        public void onAdd(HasMetadata object) {
            observe(null, object);
        }

        @Override
        public void onUpdate(HasMetadata before, HasMetadata object) {
            observe(before, object);
        }

        @Override
        public void onDelete(HasMetadata object, boolean finalStateUnknown) {
            deleted(object);
        }

        @Override
        public String toString() {
            return "trigger " + trigger + " in " + namespace;
        }
    }

    /** An object listed or changed: added when new to the trigger, modified at another version. */
    private synchronized void observe(HasMetadata before, HasMetadata object) {
        if (closed || (!synced && firstWatch)) {
            return; // the starting point is taken from the store once the informers have listed
        }
        DeliveredState.Seen last = current.get(uid(object));
        if (last != null && last.resourceVersion().equals(object.getMetadata().getResourceVersion())) {
            return; // a resync or a relist of what was handled already
        }
        ResourceChange change = last == null ? ResourceChange.ADDED : ResourceChange.MODIFIED;
        current.put(uid(object), seen(object));
        handle(new ObjectChange(trigger, kind, change, object, last == null ? null : before, clock.instant()));
    }

    private synchronized void deleted(HasMetadata object) {
        if (closed || (!synced && firstWatch)) {
            return;
        }
        if (current.remove(uid(object)) != null) {
            handle(new ObjectChange(trigger, kind, ResourceChange.DELETED, object, null, clock.instant()));
        }
    }

    /** Forwards the change when the trigger asks for it; else it counts as delivered. */
    private void handle(ObjectChange change) {
        if (changes.contains(change.change()) && selected(change.object())) {
            forward.accept(change);
        } else if (change.change() == ResourceChange.DELETED) {
            state.gone(trigger, change.uid());
        } else {
            state.seen(trigger, change.uid(), seen(change.object()));
        }
    }

    /** Events by reason and by the object they are about; other kinds are selected by their informers. */
    private boolean selected(HasMetadata object) {
        if (!(object instanceof Event event)) {
            return true;
        }
        if (spec.getReasons() != null && !spec.getReasons().contains(event.getReason())) {
            return false;
        }
        WatchedObject about = spec.getInvolvedObject();
        if (about == null) {
            return true;
        }
        var involved = event.getInvolvedObject();
        return involved != null
                && (about.getKind() == null || about.getKind().equals(involved.getKind()))
                && (about.getName() == null || about.getName().equals(involved.getName()));
    }

    private static String uid(HasMetadata object) {
        return object.getMetadata().getUid();
    }

    private static DeliveredState.Seen seen(HasMetadata object) {
        return new DeliveredState.Seen(
                object.getMetadata().getName(),
                Objects.requireNonNullElse(object.getMetadata().getResourceVersion(), ""));
    }

    /** An object deleted while no operator watched: its name and uid are all that is known of it. */
    private HasMetadata stub(String uid, DeliveredState.Seen seen) {
        GenericKubernetesResource stub = new GenericKubernetesResource();
        stub.setApiVersion(kind.apiVersion());
        stub.setKind(kind.kind());
        stub.setMetadata(new ObjectMetaBuilder()
                .withName(seen.name())
                .withNamespace(namespace)
                .withUid(uid)
                .withResourceVersion(seen.resourceVersion())
                .build());
        return stub;
    }

    /** Takes the trigger's handler off its informers and lets go of them (the last trigger's stops each). */
    @Override
    public void close() {
        List<SharedInformers.Lease> held;
        synchronized (this) {
            closed = true;
            held = List.copyOf(leases);
            leases.clear();
        }
        for (SharedInformers.Lease lease : held) {
            lease.informer().removeEventHandler(handler);
            lease.close();
        }
    }
}
