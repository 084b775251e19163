package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pods of an agent's Deployment or of its runs, watched so that a pod that cannot start says why in the
 * agent's status: a Secret or key its environment names that does not exist (a memory store's connection string,
 * a tool's login), an image that cannot be pulled, a container that crashes in a loop. The workload's own status
 * tells only that a replica is not ready, and does not change when the kubelet finds out why; the informer on the
 * agents' pods ({@link ServedRuns#eventSource}) wakes the reconcile when it does.
 */
final class AgentPods {

    /** What a container waits for while it is being made: no problem, only time. */
    private static final Set<String> STARTING = Set.of("ContainerCreating", "PodInitializing");

    private AgentPods() {}

    /**
     * A container that waits for something to be fixed, and where; {@code lastEnd} how it last ended, when it ran
     * before (a crash loop: its exit status and termination message say why, the back-off only that it waits).
     */
    record Stuck(String pod, String container, String reason, String message, Optional<String> lastEnd) {

        String describe() {
            return AgentRuns.bounded("pod " + pod + " container " + container + ": " + reason
                    + (message == null || message.isBlank() ? "" : ": " + message)
                    + lastEnd.map(end -> "; last " + end).orElse(""));
        }
    }

    /** The newest pod's first container that waits for something other than time, if any. */
    static Optional<Stuck> stuck(Collection<Pod> pods) {
        return pods.stream()
                .filter(pod -> pod.getStatus() != null && pod.getMetadata().getDeletionTimestamp() == null)
                .sorted(Comparator.comparing((Pod pod) ->
                                Objects.requireNonNullElse(pod.getMetadata().getCreationTimestamp(), ""))
                        .reversed())
                .flatMap(pod -> Stream.concat(
                                statuses(pod.getStatus().getInitContainerStatuses()),
                                statuses(pod.getStatus().getContainerStatuses()))
                        .flatMap(container -> waiting(container)
                                .map(waiting -> new Stuck(
                                        pod.getMetadata().getName(),
                                        container.getName(),
                                        waiting.getReason(),
                                        waiting.getMessage(),
                                        Optional.ofNullable(container.getLastState())
                                                .map(ContainerState::getTerminated)
                                                .map(ContainerEnds::describe)))
                                .stream()))
                .findFirst();
    }

    private static Stream<ContainerStatus> statuses(List<ContainerStatus> statuses) {
        return statuses == null ? Stream.empty() : statuses.stream();
    }

    private static Optional<ContainerStateWaiting> waiting(ContainerStatus container) {
        return Optional.ofNullable(container.getState())
                .map(state -> state.getWaiting())
                .filter(waiting -> waiting.getReason() != null && !STARTING.contains(waiting.getReason()));
    }
}
