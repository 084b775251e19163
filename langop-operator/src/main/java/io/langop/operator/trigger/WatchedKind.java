package io.langop.operator.trigger;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.langop.api.v1alpha1.agent.KubernetesEventSource;
import io.langop.api.v1alpha1.agent.ResourceChange;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The kinds a {@code kubernetes-event} trigger may watch ({@link KubernetesEventSource#WATCHABLE}), each with its typed
 * model: the operator's ClusterRole lists and watches them already, so a trigger widens neither its RBAC nor what it
 * can read. Never Secret.
 */
public enum WatchedKind {
    CONFIG_MAP("v1", "ConfigMap", "configmaps", ConfigMap.class),
    EVENT("v1", "Event", "events", Event.class),
    SERVICE("v1", "Service", "services", Service.class),
    PERSISTENT_VOLUME_CLAIM("v1", "PersistentVolumeClaim", "persistentvolumeclaims", PersistentVolumeClaim.class),
    DEPLOYMENT("apps/v1", "Deployment", "deployments", Deployment.class),
    JOB("batch/v1", "Job", "jobs", Job.class),
    CRON_JOB("batch/v1", "CronJob", "cronjobs", CronJob.class);

    private final String apiVersion;
    private final String kind;
    private final String plural;
    private final Class<? extends HasMetadata> type;

    WatchedKind(String apiVersion, String kind, String plural, Class<? extends HasMetadata> type) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.plural = plural;
        this.type = type;
    }

    /** The kind a trigger watches; empty when it may not be watched. */
    public static Optional<WatchedKind> of(KubernetesEventSource watch) {
        String apiVersion = Objects.requireNonNullElse(watch.getApiVersion(), "v1");
        return Arrays.stream(values())
                .filter(kind -> kind.apiVersion.equals(apiVersion) && kind.kind.equals(watch.getKind()))
                .findFirst();
    }

    /** {@code <apiVersion> <kind>}, as {@link KubernetesEventSource#WATCHABLE} names it. */
    String pair() {
        return apiVersion + " " + kind;
    }

    String apiVersion() {
        return apiVersion;
    }

    Class<? extends HasMetadata> type() {
        return type;
    }

    String kind() {
        return kind;
    }

    /** The object's API path, e.g. {@code /api/v1/namespaces/shop/configmaps/settings}: its CloudEvents' source. */
    String path(String namespace, String name) {
        String group = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return group + "/namespaces/" + namespace + "/" + plural + "/" + name;
    }

    /** {@code io.k8s.<kind>.<change>}, e.g. {@code io.k8s.configmap.modified}: the type of its CloudEvents. */
    String eventType(ResourceChange change) {
        return "io.k8s." + kind.toLowerCase(Locale.ROOT) + "." + change.name().toLowerCase(Locale.ROOT);
    }
}
