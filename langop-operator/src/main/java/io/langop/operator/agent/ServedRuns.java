package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.usage.AgentCodeRuns;
import io.langop.operator.usage.UsageBoard;
import io.langop.proxy.report.UsageReport;
import io.langop.wire.PodAnnotations;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The runs of an agent that runs in a Deployment (autonomous, interactive, event-driven), where no Job records a
 * run. Two signals, each enough on its own: the runs (and chat turns) its runtime reported to its model proxy, per
 * code version ({@link AgentCodeRuns}: they say why a run failed); and the restarts of its pods' agent container
 * while it crashes (a pod carrying the code's {@code langop.io/code-hash} whose container ended with a failure or
 * backs off): code that ends the process before any run — a workflow {@code define()} that throws at start, a run
 * that does not stop — reports nothing. The two are not added up, since a run that does not stop is reported and
 * then ends its process, and would count twice. An informer on the agents' pods wakes the reconcile when a
 * container restarts; reported runs wake it through the usage board.
 */
final class ServedRuns implements AgentRuns {

    static final String EVENT_SOURCE = "agent-pods";
    private static final String CRASH_LOOP = "CrashLoopBackOff";

    private final Function<String, Optional<UsageReport.CodeRuns>> reported;
    private final List<Pod> pods;

    private ServedRuns(Function<String, Optional<UsageReport.CodeRuns>> reported, List<Pod> pods) {
        this.reported = reported;
        this.pods = pods;
    }

    static EventSource<Pod, LanguageAgent> eventSource(EventSourceContext<LanguageAgent> context) {
        return AgentObjectInformers.of(Pod.class, EVENT_SOURCE, context);
    }

    static ServedRuns of(LanguageAgent agent, Context<LanguageAgent> context, UsageBoard usage) {
        return new ServedRuns(
                codeHash -> AgentCodeRuns.of(agent, usage, codeHash),
                List.copyOf(context.getSecondaryResources(Pod.class)));
    }

    @Override
    public boolean succeeded(String codeHash) {
        return reported.apply(codeHash).filter(runs -> runs.succeeded() > 0).isPresent();
    }

    @Override
    public Optional<String> firstRunsFailed(String codeHash, int count) {
        Optional<UsageReport.CodeRuns> runs = reported.apply(codeHash);
        if (runs.filter(reportedRuns -> reportedRuns.succeeded() > 0).isPresent()) {
            return Optional.empty();
        }
        return runs.filter(failed -> failed.failed() >= count)
                .map(ServedRuns::reportedFailure)
                .or(() -> crashes(codeHash)
                        .filter(crash -> crash.restarts() >= count)
                        .map(Crash::describe))
                .map(AgentRuns::bounded);
    }

    private static String reportedFailure(UsageReport.CodeRuns runs) {
        return runs.failed() + " run(s) failed and none succeeded, as the agent reported them; the last: "
                + Optional.ofNullable(runs.lastFailure()).orElse("(no reason given)");
    }

    /** The pod of this code whose agent container restarted most while it fails, if any does. */
    private Optional<Crash> crashes(String codeHash) {
        return pods.stream()
                .filter(pod -> codeHash.equals(annotations(pod).get(PodAnnotations.CODE_HASH)))
                .flatMap(pod -> agentContainer(pod).flatMap(status -> Crash.of(pod, status)).stream())
                .max(Comparator.comparingInt(Crash::restarts));
    }

    private static Map<String, String> annotations(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private static Optional<ContainerStatus> agentContainer(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(status -> AgentPodTemplate.AGENT_CONTAINER.equals(status.getName()))
                .findFirst();
    }

    /**
     * An agent container that ended and was started again, and fails: its last end had a non-zero exit status, or
     * the kubelet holds it back between restarts.
     */
    private record Crash(String pod, int restarts, ContainerStateTerminated lastEnd, ContainerStateWaiting waiting) {

        static Optional<Crash> of(Pod pod, ContainerStatus status) {
            int restarts = status.getRestartCount() == null ? 0 : status.getRestartCount();
            ContainerStateTerminated lastEnd =
                    status.getLastState() == null ? null : status.getLastState().getTerminated();
            ContainerStateWaiting waiting =
                    status.getState() == null ? null : status.getState().getWaiting();
            boolean failedLast = lastEnd != null && lastEnd.getExitCode() != null && lastEnd.getExitCode() != 0;
            boolean backingOff = waiting != null && CRASH_LOOP.equals(waiting.getReason());
            return restarts > 0 && (failedLast || backingOff)
                    ? Optional.of(new Crash(pod.getMetadata().getName(), restarts, lastEnd, waiting))
                    : Optional.empty();
        }

        /** The restarts and the last end, with its termination message (the log tail: FallbackToLogsOnError). */
        String describe() {
            StringBuilder text = new StringBuilder("pod " + pod + ": the agent container ended " + restarts
                    + " time(s) and was started again, no run succeeded");
            if (lastEnd != null && lastEnd.getExitCode() != null) {
                text.append("; last ").append(ContainerEnds.describe(lastEnd));
            } else if (waiting != null && waiting.getMessage() != null) {
                text.append("; ").append(waiting.getMessage().strip());
            }
            return text.toString();
        }
    }
}
