package io.langop.local.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the API server's garbage collector does and the in-memory store does not: when an object is deleted, the
 * objects it owns ({@code metadata.ownerReferences}) are deleted too, and theirs in turn (background cascading
 * deletion). So {@code kubectl delete languageagent digest} takes its CronJob, Jobs, pods and the rest with it, as
 * in a cluster. Owners watched: the langop.io kinds, Deployments, CronJobs and Jobs, the kinds that own anything.
 */
public final class GarbageCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);
    private static final List<String> LANGOP_KINDS = List.of(
            "LanguageCluster", "LanguageModel", "LanguageTool", "LanguagePersona", "LanguageAgent", "LanguageClient");

    private final KubernetesClient client;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final ExecutorService collections = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("garbage-collector").factory());

    private GarbageCollector(KubernetesClient client) {
        this.client = client;
    }

    /** Starts watching the owners. */
    public static GarbageCollector start(KubernetesClient client, String langopApiVersion) {
        GarbageCollector collector = new GarbageCollector(client);
        for (String kind : LANGOP_KINDS) {
            collector.informers.add(client.genericKubernetesResources(langopApiVersion, kind)
                    .inAnyNamespace()
                    .inform(collector.onDelete()));
        }
        collector.informers.add(client.apps().deployments().inAnyNamespace().inform(collector.onDelete()));
        collector.informers.add(client.batch().v1().cronjobs().inAnyNamespace().inform(collector.onDelete()));
        collector.informers.add(client.batch().v1().jobs().inAnyNamespace().inform(collector.onDelete()));
        return collector;
    }

    private <T extends HasMetadata> ResourceEventHandler<T> onDelete() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                // only deletions matter
            }

            @Override
            public void onUpdate(T old, T object) {
                // only deletions matter
            }

            @Override
            public void onDelete(T owner, boolean finalStateUnknown) {
                collections.execute(() -> collect(
                        owner.getMetadata().getNamespace(), owner.getMetadata().getUid()));
            }
        };
    }

    /** Deletes what {@code ownerUid} owned in its namespace; their deletion cascades through the informers. */
    private void collect(String namespace, String ownerUid) {
        if (namespace == null || ownerUid == null) {
            return;
        }
        for (ApiResource kind : BuiltInResources.LIST) {
            if (!kind.namespaced()) {
                continue;
            }
            ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                    .withGroup(kind.group())
                    .withVersion(kind.version())
                    .withKind(kind.kind())
                    .withPlural(kind.plural())
                    .withNamespaced(true)
                    .build();
            try {
                for (GenericKubernetesResource dependent : client.genericKubernetesResources(context)
                        .inNamespace(namespace)
                        .list()
                        .getItems()) {
                    if (ownedBy(dependent, ownerUid)) {
                        LOG.info(
                                "{} {}/{} goes with its owner",
                                kind.kind(),
                                namespace,
                                dependent.getMetadata().getName());
                        client.resource(dependent).delete();
                    }
                }
            } catch (KubernetesClientException stopping) {
                LOG.debug("{} in {} not collected: {}", kind.plural(), namespace, stopping.getMessage());
            }
        }
    }

    private static boolean ownedBy(HasMetadata object, String uid) {
        return Objects.requireNonNullElse(object.getMetadata().getOwnerReferences(), List.<OwnerReference>of()).stream()
                .anyMatch(owner -> uid.equals(owner.getUid()));
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        collections.shutdownNow();
    }
}
