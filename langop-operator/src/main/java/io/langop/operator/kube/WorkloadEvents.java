package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Events for a workload (Deployment, CronJob) that a reconcile created, or created in place of
 * another kind. Decided from the informer caches as they were before the reconcile's workflow ran, so
 * a reconcile that finds its workload in place posts nothing.
 */
public final class WorkloadEvents {

    private WorkloadEvents() {}

    /**
     * After a workflow that made sure {@code workload} exists (e.g. "deployment news-agent"):
     * {@code WorkloadCreated}, or {@code WorkloadReplaced} when {@code replaced} (the other kind, e.g.
     * "cron job news-agent") existed before; nothing when the workload itself existed before.
     */
    public static void afterWorkflow(
            KubernetesClient client, HasMetadata owner, String workload, boolean existed, String replaced) {
        if (existed) {
            return;
        }
        if (replaced != null) {
            Events.post(client, owner, Events.Type.Normal, "WorkloadReplaced", replaced + " replaced by " + workload);
        } else {
            Events.post(client, owner, Events.Type.Normal, "WorkloadCreated", workload + " created");
        }
    }
}
