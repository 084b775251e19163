package io.langop.api.batch;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.Map;

/**
 * A scheduled agent's run as a Job of its CronJob's job template, with the template's labels (which tell the
 * operator which agent and code it runs), owned by the CronJob so that it goes with it. {@code langop local}'s
 * scheduler starts runs this way, and {@code langop run agent} as {@code kubectl create job --from=cronjob/NAME}
 * does, marked as started by hand.
 */
public final class CronJobRuns {

    /** The annotation, and its value, that mark a Job a person (not the schedule) started. */
    public static final String INSTANTIATE_ANNOTATION = "cronjob.kubernetes.io/instantiate";

    public static final String MANUAL = "manual";

    private CronJobRuns() {}

    /** The run a person starts now. */
    public static Job manual(CronJob cronJob, String jobName) {
        return of(cronJob, jobName, Map.of(INSTANTIATE_ANNOTATION, MANUAL));
    }

    /** The run the schedule starts. */
    public static Job scheduled(CronJob cronJob, String jobName) {
        return of(cronJob, jobName, Map.of());
    }

    private static Job of(CronJob cronJob, String jobName, Map<String, String> annotations) {
        var template = cronJob.getSpec().getJobTemplate();
        return new JobBuilder()
                .withNewMetadata()
                .withName(jobName)
                .withNamespace(cronJob.getMetadata().getNamespace())
                .withLabels(
                        template.getMetadata() == null
                                ? null
                                : template.getMetadata().getLabels())
                .withAnnotations(annotations)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("batch/v1")
                        .withKind("CronJob")
                        .withName(cronJob.getMetadata().getName())
                        .withUid(cronJob.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .endMetadata()
                .withSpec(template.getSpec())
                .build();
    }
}
