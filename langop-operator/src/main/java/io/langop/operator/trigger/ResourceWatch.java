package io.langop.operator.trigger;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch of one {@code kubernetes-event} trigger: an informer per named object (a field selector on its name), one on
 * the trigger's labels, or one on the namespace's Events. Each change the trigger forwards goes to {@code forward}.
 *
 * <p>What the trigger saw last is in {@link DeliveredState}. When the watch starts, the objects listed are held against
 * it: an object at another version was changed while no operator watched (or its change was not accepted before the
 * operator stopped), one not there before was added, one there before and gone now was deleted. The first watch of a
 * trigger takes what it lists as the starting point and forwards nothing of it.
 */
final class ResourceWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceWatch.class);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final String namespace;
    private final String trigger;
    private final KubernetesEventSource spec;
    private final String specText;
    private final WatchedKind kind;
    private final DeliveredState state;
    private final Consumer<Forwarded> forward;
    private final Clock clock;
    private final Set<ResourceChange> changes;
    private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();
    /** uid → the version this watch last handled; the starting point until the informers have synced. */
    private final Map<String, DeliveredState.Seen> current = new HashMap<>();

    private boolean firstWatch;
    private boolean synced;

    ResourceWatch(
            KubernetesClient client,
            String namespace,
            String trigger,
            KubernetesEventSource spec,
            String specText,
            DeliveredState state,
            Consumer<Forwarded> forward,
            Clock clock) {
        this.client = client;
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

    /** Starts the informers and, once they listed, delivers what changed since the last delivery. */
    void start() throws InterruptedException {
        synchronized (this) {
            var delivered = state.objects(trigger, specText);
            firstWatch = delivered.isEmpty();
            delivered.ifPresent(current::putAll);
        }
        for (var resources : selections()) {
            SharedIndexInformer<? extends HasMetadata> informer = resources.get();
            informers.add(informer);
        }
        boolean complete = true;
        try {
            for (SharedIndexInformer<? extends HasMetadata> informer : informers) {
                informer.start().toCompletableFuture().get(SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException failed) {
            // the informers keep trying; what they list later is compared then
            complete = false;
            LOG.warn(
                    "Trigger {} in {}: watching {} failed to list: {}",
                    trigger,
                    namespace,
                    kind.kind(),
                    failed.toString());
        }
        synchronized (this) {
            Map<String, HasMetadata> listed = new HashMap<>();
            informers.forEach(
                    informer -> informer.getStore().list().forEach(object -> listed.put(uid(object), object)));
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

    /** One informer per selection: the named objects one by one, the labelled ones, or the namespace's Events. */
    private List<Supplier<SharedIndexInformer<? extends HasMetadata>>> selections() {
        var resources = client.resources(kind.type()).inNamespace(namespace);
        List<Supplier<SharedIndexInformer<? extends HasMetadata>>> selections = new ArrayList<>();
        if (spec.getNames() != null && !spec.getNames().isEmpty()) {
            for (String name : spec.getNames()) {
                selections.add(() -> withHandler(resources.withName(name).runnableInformer(0)));
            }
        } else if (spec.getLabels() != null && !spec.getLabels().isEmpty()) {
            selections.add(
                    () -> withHandler(resources.withLabels(spec.getLabels()).runnableInformer(0)));
        } else {
            selections.add(() -> withHandler(resources.runnableInformer(0)));
        }
        return selections;
    }

    private <T extends HasMetadata> SharedIndexInformer<T> withHandler(SharedIndexInformer<T> informer) {
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T object) {
                observe(null, object);
            }

            @Override
            public void onUpdate(T before, T object) {
                observe(before, object);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                deleted(object);
            }
        });
        return informer;
    }

    /** An object listed or changed: added when new to the trigger, modified at another version. */
    private synchronized void observe(HasMetadata before, HasMetadata object) {
        if (!synced && firstWatch) {
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
        if (!synced && firstWatch) {
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

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
