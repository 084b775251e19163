package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.wire.PodAnnotations;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The runs of a scheduled agent, as its Jobs tell them: which code each ran (the pod template's
 * {@code langop.io/code-hash}) and how it ended. An informer on the Jobs of agents (they carry the CronJob's
 * job template labels) wakes the agent's reconcile when a run ends, which is when a rollback is decided.
 */
final class JobRuns implements AgentRuns {

    static final String EVENT_SOURCE = "agent-runs";
    /** The label the Job controller puts on a Job's pods. */
    private static final String JOB_NAME_LABEL = "job-name";

    enum Outcome {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** One run: its Job, the code it ran and how it ended. */
    record Run(Job job, String codeHash, Outcome outcome) {
        String name() {
            return job.getMetadata().getName();
        }
    }

    private final List<Run> runs;
    private final KubernetesClient client;

    private JobRuns(List<Run> runs, KubernetesClient client) {
        this.runs = runs;
        this.client = client;
    }

    static EventSource<Job, LanguageAgent> eventSource(EventSourceContext<LanguageAgent> context) {
        return AgentObjectInformers.of(Job.class, EVENT_SOURCE, context);
    }

    /** The agent's runs, oldest first. */
    static JobRuns of(Context<LanguageAgent> context) {
        return new JobRuns(
                context.getSecondaryResourcesAsStream(Job.class)
                        .sorted(Comparator.comparing(
                                        (Job job) -> job.getMetadata().getCreationTimestamp(),
                                        Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(job -> job.getMetadata().getName()))
                        .map(job -> new Run(job, codeHash(job), outcome(job)))
                        .filter(run -> run.codeHash() != null)
                        .toList(),
                context.getClient());
    }

    @Override
    public boolean succeeded(String codeHash) {
        return runsOf(codeHash).anyMatch(run -> run.outcome() == Outcome.SUCCEEDED);
    }

    /** The Jobs of this code's first {@code count} finished runs failed (none succeeded): how the last ended. */
    @Override
    public Optional<String> firstRunsFailed(String codeHash, int count) {
        List<Run> finished =
                runsOf(codeHash).filter(run -> run.outcome() != Outcome.RUNNING).toList();
        if (finished.size() < count || finished.stream().anyMatch(run -> run.outcome() == Outcome.SUCCEEDED)) {
            return Optional.empty();
        }
        return Optional.of(describe(client, finished.subList(0, count)));
    }

    private java.util.stream.Stream<Run> runsOf(String codeHash) {
        return runs.stream().filter(run -> codeHash.equals(run.codeHash()));
    }

    /**
     * How the last of {@code failed} ended, for a person and for the model: the Job's failure, and what its
     * failed container left as termination message (the agent container's log tail: {@code
     * FallbackToLogsOnError}). The pods are read once, when a rollback is decided.
     */
    private static String describe(KubernetesClient client, List<Run> failed) {
        Run last = failed.getLast();
        StringBuilder text = new StringBuilder(failed.size() + " run(s) failed; the last, Job " + last.name());
        Optional.ofNullable(last.job().getStatus())
                .map(status -> status.getConditions())
                .flatMap(conditions -> conditions.stream()
                        .filter(condition -> "Failed".equals(condition.getType()))
                        .findFirst())
                .ifPresent(condition -> text.append(": ").append(jobFailure(condition)));
        containerFailure(client, last.job())
                .ifPresent(message -> text.append("\n").append(message.strip()));
        return AgentRuns.bounded(text.toString());
    }

    private static String jobFailure(JobCondition condition) {
        return Optional.ofNullable(condition.getReason()).orElse("Failed")
                + Optional.ofNullable(condition.getMessage())
                        .filter(message -> !message.isBlank())
                        .map(message -> " (" + message + ")")
                        .orElse("");
    }

    private static Optional<String> containerFailure(KubernetesClient client, Job job) {
        List<Pod> pods;
        try {
            pods = client.pods()
                    .inNamespace(job.getMetadata().getNamespace())
                    .withLabel(JOB_NAME_LABEL, job.getMetadata().getName())
                    .list()
                    .getItems();
        } catch (KubernetesClientException unreadable) {
            return Optional.empty(); // the Job's own failure still says that the run failed
        }
        return pods.stream()
                .sorted(Comparator.comparing(
                                (Pod pod) -> pod.getMetadata().getCreationTimestamp(),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .flatMap(pod -> pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                        ? java.util.stream.Stream.<ContainerStatus>empty()
                        : pod.getStatus().getContainerStatuses().stream())
                .filter(status -> AgentPodTemplate.AGENT_CONTAINER.equals(status.getName()))
                .map(status ->
                        status.getState() == null ? null : status.getState().getTerminated())
                .filter(terminated ->
                        terminated != null && terminated.getExitCode() != null && terminated.getExitCode() != 0)
                .findFirst()
                .map(ContainerEnds::describe);
    }

    private static String codeHash(Job job) {
        if (job.getSpec() == null
                || job.getSpec().getTemplate() == null
                || job.getSpec().getTemplate().getMetadata() == null) {
            return null;
        }
        Map<String, String> annotations =
                job.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(PodAnnotations.CODE_HASH);
    }

    private static Outcome outcome(Job job) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Outcome.RUNNING;
        }
        for (JobCondition condition : job.getStatus().getConditions()) {
            if ("True".equals(condition.getStatus())) {
                if ("Complete".equals(condition.getType())) {
                    return Outcome.SUCCEEDED;
                }
                if ("Failed".equals(condition.getType())) {
                    return Outcome.FAILED;
                }
            }
        }
        return Outcome.RUNNING;
    }

    @Override
    public String toString() {
        return runs.stream().map(run -> run.name() + "=" + run.outcome()).collect(Collectors.joining(", "));
    }
}
