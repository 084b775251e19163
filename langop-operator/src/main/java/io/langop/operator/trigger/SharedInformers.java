package io.langop.operator.trigger;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of the operator's {@code kubernetes-event} triggers, one per {@link Selection} however many triggers of
 * however many agents watch it: 50 agents watching one ConfigMap cost the API server one watch and the operator one
 * cached copy, not 50. Each trigger adds its own handler to the informer (fabric8 fans a change out to every handler
 * of an informer) and {@link Lease#close() lets go} of it when it stops; the informer starts with its first lease and
 * stops with its last.
 *
 * <p>Named objects are watched one informer per name (a field selector), not through one informer on the kind with
 * the names filtered here: the operator then holds and hears about only the objects some trigger names, whereas a
 * kind-wide informer would cache every ConfigMap (or Deployment) of the namespace and take every change of them. The
 * cost is one watch per distinct name; with sharing that is bounded by the distinct names the namespace's triggers
 * name, not by the number of triggers.
 */
final class SharedInformers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedInformers.class);

    /**
     * What one informer watches: a kind in a namespace, narrowed to one name or to labels (or neither: all of them, as
     * for Events, which triggers filter by reason and object themselves).
     */
    record Selection(String namespace, WatchedKind kind, String name, SortedMap<String, String> labels) {

        Selection {
            labels = labels == null ? null : new TreeMap<>(labels);
        }

        static Selection named(String namespace, WatchedKind kind, String name) {
            return new Selection(namespace, kind, name, null);
        }

        static Selection labelled(String namespace, WatchedKind kind, Map<String, String> labels) {
            return new Selection(namespace, kind, null, new TreeMap<>(labels));
        }

        static Selection all(String namespace, WatchedKind kind) {
            return new Selection(namespace, kind, null, null);
        }

        @Override
        public String toString() {
            return kind.kind() + " in " + namespace
                    + (name != null ? " named " + name : labels != null ? " labelled " + labels : "");
        }
    }

    /** One informer and the number of leases on it. */
    private static final class Shared {
        final SharedIndexInformer<? extends HasMetadata> informer;
        final CompletableFuture<Void> started;
        int leases;

        Shared(SharedIndexInformer<? extends HasMetadata> informer) {
            this.informer = informer;
            this.started = informer.start().toCompletableFuture();
        }

        boolean stopped() {
            return informer.stopped().toCompletableFuture().isDone();
        }
    }

    /** A trigger's use of an informer; closing it lets go (and stops the informer when it was the last). */
    final class Lease implements AutoCloseable {
        private final Selection selection;
        private final Shared shared;
        private boolean closed;

        private Lease(Selection selection, Shared shared) {
            this.selection = selection;
            this.shared = shared;
        }

        SharedIndexInformer<? extends HasMetadata> informer() {
            return shared.informer;
        }

        /** Completes when the informer has listed for the first time (at once for one that listed before). */
        CompletableFuture<Void> started() {
            return shared.started;
        }

        @Override
        public void close() {
            release(this);
        }

        @Override
        public String toString() {
            return "watch of " + selection;
        }
    }

    private final KubernetesClient client;
    private final Map<Selection, Shared> informers = new HashMap<>();
    private boolean closed;

    SharedInformers(KubernetesClient client) {
        this.client = client;
    }

    /** A lease on the informer of {@code selection}, started if no trigger watched it. */
    synchronized Lease lease(Selection selection) {
        if (closed) {
            throw new IllegalStateException("the operator's trigger watches are stopped");
        }
        Shared shared = informers.get(selection);
        if (shared == null || shared.stopped()) {
            // an informer that gave up (fabric8 stops one whose exception handler says so) is not joined: its holders
            // keep it until they let go, newcomers get a fresh one
            shared = new Shared(informer(selection));
            informers.put(selection, shared);
            LOG.debug("Watching {}", selection);
        }
        shared.leases++;
        return new Lease(selection, shared);
    }

    private synchronized void release(Lease lease) {
        if (lease.closed) {
            return;
        }
        lease.closed = true;
        if (--lease.shared.leases == 0) {
            lease.shared.informer.close();
            informers.remove(lease.selection, lease.shared);
            LOG.debug("No trigger watches {} any more", lease.selection);
        }
    }

    private SharedIndexInformer<? extends HasMetadata> informer(Selection selection) {
        var resources = client.resources(selection.kind().type()).inNamespace(selection.namespace());
        if (selection.name() != null) {
            return resources.withName(selection.name()).runnableInformer(0);
        }
        if (selection.labels() != null) {
            return resources.withLabels(selection.labels()).runnableInformer(0);
        }
        return resources.runnableInformer(0);
    }

    /** Stops every informer: the operator stops forwarding (its triggers' leases are let go before). */
    @Override
    public synchronized void close() {
        closed = true;
        informers.values().forEach(shared -> shared.informer.close());
        informers.clear();
    }
}
