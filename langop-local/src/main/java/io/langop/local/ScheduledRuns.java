package io.langop.local;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.wire.PodAnnotations;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    /** Why each CronJob waits, as last told. */
    private final Map<String, String> toldWaiting = new ConcurrentHashMap<>();

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
                        toldWaiting.remove(key(cronJob));
                    }
                });
    }

    /**
     * Runs the CronJob when its job template is new to this run and it can run: not suspended, not an agent still
     * waiting for its code (its Job would only fail), no Job active under {@code concurrencyPolicy: Forbid} (the
     * informer calls again when the active Job leaves the CronJob's status). Why it waits is told once.
     */
    private void fire(CronJob cronJob) {
        String template = Serialization.asJson(cronJob.getSpec().getJobTemplate());
        String key = key(cronJob);
        if (template.equals(firedTemplates.get(key))) {
            return;
        }
        Optional<String> waiting = reasonToWait(cronJob);
        if (waiting.isPresent()) {
            if (!waiting.get().equals(toldWaiting.put(key, waiting.get()))) {
                account.line("cronjob", key + " " + waiting.get());
            }
            return;
        }
        toldWaiting.remove(key);
        firedTemplates.put(key, template);
        // off the informer's thread: the trigger reads and writes through the API server
        Thread.ofVirtual().name("cronjob-" + cronJob.getMetadata().getName()).start(() -> {
            try {
                String job = cluster.triggerCronJob(
                        cronJob.getMetadata().getNamespace(),
                        cronJob.getMetadata().getName());
                account.line(
                        "cronjob",
                        key + " (schedule \"" + cronJob.getSpec().getSchedule() + "\") run now as Job " + job);
            } catch (IllegalStateException | IllegalArgumentException refused) {
                account.line("cronjob", key + " not run: " + refused.getMessage());
            } catch (KubernetesClientException refused) {
                account.line("cronjob", key + " not run: " + ApiErrors.describe(refused));
            }
        });
    }

    private static Optional<String> reasonToWait(CronJob cronJob) {
        if (Boolean.TRUE.equals(cronJob.getSpec().getSuspend())) {
            return Optional.of("is suspended: not run");
        }
        PodTemplateSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate();
        boolean agent = pod.getSpec().getContainers().stream()
                .anyMatch(container -> ImageCatalog.isAgent(container.getImage()));
        boolean hasCode = pod.getMetadata() != null
                && pod.getMetadata().getAnnotations() != null
                && pod.getMetadata().getAnnotations().containsKey(PodAnnotations.CODE_HASH);
        if (agent && !hasCode) {
            return Optional.of("waits for the agent's code: its first run starts once the code is written and checked");
        }
        List<ObjectReference> active = cronJob.getStatus() == null
                ? List.of()
                : Objects.requireNonNullElse(cronJob.getStatus().getActive(), List.of());
        if ("Forbid".equals(cronJob.getSpec().getConcurrencyPolicy()) && !active.isEmpty()) {
            return Optional.of("has a new job template: it runs when Job "
                    + active.getFirst().getName() + " ends (concurrencyPolicy: Forbid)");
        }
        return Optional.empty();
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
