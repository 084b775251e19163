package io.langop.console.dashboard;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.wire.ObjectNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The dashboard's view of one LanguageCluster, kept by watches (fabric8 informers) of its namespace: the cluster,
 * the agents, models, tools and personas that name it in {@code spec.clusterRef}, the agents' pods and the
 * namespace's events. Every change is handed to the {@link Listener}s as it arrives, which push it to browsers.
 */
public final class ClusterWatch implements AutoCloseable {

    /** What changed: a kind and a name, or an event of the namespace. */
    public interface Listener {
        void changed(String kind, String name);

        void event(Event event);
    }

    private final String namespace;
    private final String clusterName;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final SharedIndexInformer<LanguageCluster> clusters;
    private final SharedIndexInformer<LanguageAgent> agents;
    private final SharedIndexInformer<LanguageModel> models;
    private final SharedIndexInformer<LanguageTool> tools;
    private final SharedIndexInformer<LanguagePersona> personas;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Event> events;

    public ClusterWatch(KubernetesClient client, String namespace, String clusterName) {
        this.namespace = namespace;
        this.clusterName = clusterName;
        clusters = watch(
                client.resources(LanguageCluster.class).inNamespace(namespace).runnableInformer(0));
        agents = watch(
                client.resources(LanguageAgent.class).inNamespace(namespace).runnableInformer(0));
        models = watch(
                client.resources(LanguageModel.class).inNamespace(namespace).runnableInformer(0));
        tools = watch(
                client.resources(LanguageTool.class).inNamespace(namespace).runnableInformer(0));
        personas = watch(
                client.resources(LanguagePersona.class).inNamespace(namespace).runnableInformer(0));
        // only the pods of agents: their labels name the kind (the Role lets the dashboard read all of them)
        pods = watch(client.pods()
                .inNamespace(namespace)
                .withLabel(ObjectNames.KIND_LABEL, LanguageAgent.class.getSimpleName())
                .runnableInformer(0));
        events = client.v1().events().inNamespace(namespace).runnableInformer(0);
        events.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Event event) {
                listeners.forEach(listener -> listener.event(event));
            }

            @Override
            public void onUpdate(Event before, Event event) {
                // a repeated event counts up: shown again with its new count
                listeners.forEach(listener -> listener.event(event));
            }

            @Override
            public void onDelete(Event event, boolean unknownFinalState) {}
        });
        informers.add(events);
    }

    private <T extends HasMetadata> SharedIndexInformer<T> watch(SharedIndexInformer<T> informer) {
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                tell(object);
            }

            @Override
            public void onUpdate(T before, T object) {
                tell(object);
            }

            @Override
            public void onDelete(T object, boolean unknownFinalState) {
                tell(object);
            }
        });
        informers.add(informer);
        return informer;
    }

    private void tell(HasMetadata object) {
        for (Listener listener : listeners) {
            listener.changed(object.getKind(), object.getMetadata().getName());
        }
    }

    /** Starts the watches; {@link #synced()} says when each has listed what there is. */
    public ClusterWatch start() {
        informers.forEach(SharedIndexInformer::run);
        return this;
    }

    public boolean synced() {
        return informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    public void forget(Listener listener) {
        listeners.remove(listener);
    }

    public String namespace() {
        return namespace;
    }

    public String clusterName() {
        return clusterName;
    }

    public Optional<LanguageCluster> cluster() {
        return clusters.getStore().list().stream()
                .filter(cluster -> clusterName.equals(cluster.getMetadata().getName()))
                .findFirst();
    }

    public List<LanguageAgent> agents() {
        return members(
                agents,
                agent -> agent.getSpec() == null ? null : agent.getSpec().getClusterRef());
    }

    public Optional<LanguageAgent> agent(String name) {
        return agents().stream()
                .filter(agent -> agent.getMetadata().getName().equals(name))
                .findFirst();
    }

    public List<LanguageModel> models() {
        return members(
                models,
                model -> model.getSpec() == null ? null : model.getSpec().getClusterRef());
    }

    public List<LanguageTool> tools() {
        return members(
                tools, tool -> tool.getSpec() == null ? null : tool.getSpec().getClusterRef());
    }

    public List<LanguagePersona> personas() {
        return members(
                personas,
                persona -> persona.getSpec() == null ? null : persona.getSpec().getClusterRef());
    }

    /** The pods the operator runs for an agent, by the labels it puts on them. */
    public List<Pod> podsOf(String agent) {
        return pods.getStore().list().stream()
                .filter(pod -> agent.equals(label(pod, ObjectNames.INSTANCE_LABEL)))
                .sorted(Comparator.comparing((Pod pod) -> pod.getMetadata().getName()))
                .toList();
    }

    /** The namespace's events, newest first; {@code kind} and {@code name} narrow them to one object when set. */
    public List<Event> events(String kind, String name) {
        return events.getStore().list().stream()
                .filter(event -> kind == null || concerns(event, kind, name))
                .sorted(Comparator.comparing((Event event) -> EventText.time(event))
                        .reversed())
                .toList();
    }

    static boolean concerns(Event event, String kind, String name) {
        return event.getInvolvedObject() != null
                && kind.equals(event.getInvolvedObject().getKind())
                && name.equals(event.getInvolvedObject().getName());
    }

    private <T extends HasMetadata> List<T> members(SharedIndexInformer<T> informer, Function<T, String> clusterRef) {
        return informer.getStore().list().stream()
                .filter(member -> clusterName.equals(clusterRef.apply(member)))
                .sorted(Comparator.comparing((T member) -> member.getMetadata().getName()))
                .toList();
    }

    private static String label(HasMetadata object, String key) {
        return Objects.requireNonNullElse(object.getMetadata().getLabels(), java.util.Map.<String, String>of())
                .get(key);
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
