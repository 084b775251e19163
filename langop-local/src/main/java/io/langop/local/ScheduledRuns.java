package io.langop.local;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code langop local} does instead of a CronJob controller: each CronJob runs once as soon as
 * it exists and again whenever its job template changes (new code after a re-synthesis), so a
 * scheduled agent shows what it does without waiting for its schedule. The schedule itself is not
 * followed.
 */
final class ScheduledRuns implements AutoCloseable {

    private final LocalCluster cluster;
    private final Account account;
    private final Map<String, String> firedTemplates = new ConcurrentHashMap<>();
    private final SharedIndexInformer<CronJob> informer;

    ScheduledRuns(LocalCluster cluster, Account account) {
        this.cluster = cluster;
        this.account = account;
        this.informer = cluster.client()
                .batch()
                .v1()
                .cronjobs()
                .inAnyNamespace()
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(CronJob cronJob) {
                        fire(cronJob);
                    }

                    @Override
                    public void onUpdate(CronJob old, CronJob cronJob) {
                        fire(cronJob);
                    }

                    @Override
                    public void onDelete(CronJob cronJob, boolean finalStateUnknown) {
                        firedTemplates.remove(key(cronJob));
                    }
                });
    }

    private void fire(CronJob cronJob) {
        String template = Serialization.asJson(cronJob.getSpec().getJobTemplate());
        String key = key(cronJob);
        if (template.equals(firedTemplates.put(key, template))) {
            return;
        }
        if (Boolean.TRUE.equals(cronJob.getSpec().getSuspend())) {
            account.line("cronjob", key + " is suspended: not run");
            return;
        }
        // off the informer's thread: the trigger reads and writes through the API server
        Thread.ofVirtual().name("cronjob-" + cronJob.getMetadata().getName()).start(() -> {
            try {
                String job = cluster.triggerCronJob(
                        cronJob.getMetadata().getNamespace(),
                        cronJob.getMetadata().getName());
                account.line(
                        "cronjob",
                        key + " (schedule \"" + cronJob.getSpec().getSchedule() + "\") run now as Job " + job);
            } catch (IllegalStateException | IllegalArgumentException | KubernetesClientException refused) {
                account.line("cronjob", key + " not run: " + refused.getMessage());
            }
        });
    }

    private static String key(CronJob cronJob) {
        return cronJob.getMetadata().getNamespace() + "/"
                + cronJob.getMetadata().getName();
    }

    @Override
    public void close() {
        informer.close();
    }
}
