package io.langop.local;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pod objects of the pods the runner plays, kept as a kubelet keeps them: created when a pod starts, its
 * status (phase, conditions, one status per container with its state and restarts) written as it changes, deleted
 * when the pod goes away. They are what {@code kubectl get pods}, {@code describe} and {@code logs} read.
 */
final class PodObjects {

    /** The node every pod runs on, as {@code kubectl get pods -o wide} shows it. */
    static final String NODE = "langop-local";

    private static final Logger LOG = LoggerFactory.getLogger(PodObjects.class);

    private final KubernetesClient client;

    PodObjects(KubernetesClient client) {
        this.client = client;
    }

    /** Creates or updates the Pod object of {@code pod} with its current status. */
    void publish(LocalPod pod) {
        Pod object = new PodBuilder()
                .withNewMetadata()
                .withNamespace(pod.namespace())
                .withName(pod.name())
                .withLabels(
                        pod.template().getMetadata() == null
                                ? null
                                : pod.template().getMetadata().getLabels())
                .withAnnotations(
                        pod.template().getMetadata() == null
                                ? null
                                : pod.template().getMetadata().getAnnotations())
                .withOwnerReferences(pod.owner())
                .endMetadata()
                .withSpec(pod.template().getSpec())
                .editSpec()
                .withNodeName(NODE)
                .endSpec()
                .withStatus(status(pod))
                .build();
        try {
            client.resource(object).createOr(NonDeletingOperation::update);
        } catch (KubernetesClientException stopping) {
            LOG.debug("Pod {}/{} not written: {}", pod.namespace(), pod.name(), stopping.getMessage());
        }
    }

    void remove(LocalPod pod) {
        try {
            client.pods().inNamespace(pod.namespace()).withName(pod.name()).delete();
        } catch (KubernetesClientException stopping) {
            LOG.debug("Pod {}/{} not deleted: {}", pod.namespace(), pod.name(), stopping.getMessage());
        }
    }

    private static PodStatus status(LocalPod pod) {
        String phase = switch (pod.phase()) {
            case PENDING -> "Pending";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
        };
        List<ContainerStatus> inits = new ArrayList<>();
        List<ContainerStatus> mains = new ArrayList<>();
        List<LocalPod.ContainerState> containers = pod.containers();
        if (containers.isEmpty()) {
            notStarted(pod, pod.template().getSpec().getInitContainers(), inits);
            notStarted(pod, pod.template().getSpec().getContainers(), mains);
        }
        for (LocalPod.ContainerState container : containers) {
            (container.init() ? inits : mains).add(containerStatus(pod, container));
        }
        String now = time(Instant.now());
        return new PodStatusBuilder()
                .withPhase(phase)
                .withHostIP("127.0.0.1")
                .withPodIP("127.0.0.1")
                .withStartTime(time(pod.created()))
                .withConditions(
                        new PodConditionBuilder()
                                .withType("Ready")
                                .withStatus(pod.ready() ? "True" : "False")
                                .withLastTransitionTime(now)
                                .build(),
                        new PodConditionBuilder()
                                .withType("PodScheduled")
                                .withStatus("True")
                                .withLastTransitionTime(time(pod.created()))
                                .build())
                .withInitContainerStatuses(inits)
                .withContainerStatuses(mains)
                .build();
    }

    /** Before the pod's containers exist: each waits, for what the pod waits for if anything. */
    private static void notStarted(LocalPod pod, List<Container> specs, List<ContainerStatus> statuses) {
        for (Container spec : Objects.requireNonNullElse(specs, List.<Container>of())) {
            statuses.add(new ContainerStatusBuilder()
                    .withName(spec.getName())
                    .withImage(spec.getImage())
                    .withImageID("")
                    .withReady(false)
                    .withStarted(false)
                    .withRestartCount(0)
                    .withNewState()
                    .withNewWaiting()
                    .withReason(pod.waitingFor().isPresent() ? "CreateContainerConfigError" : "ContainerCreating")
                    .withMessage(pod.waitingFor().orElse(null))
                    .endWaiting()
                    .endState()
                    .build());
        }
    }

    private static ContainerStatus containerStatus(LocalPod pod, LocalPod.ContainerState container) {
        ContainerProcess process = container.process();
        ContainerStateBuilder state = new ContainerStateBuilder();
        Integer exit = process.exitCode();
        if (process.running()) {
            state.withNewRunning()
                    .withStartedAt(time(process.startedAt().orElseThrow()))
                    .endRunning();
        } else if (container.backingOff()) {
            state.withNewWaiting()
                    .withReason("CrashLoopBackOff")
                    .withMessage("exited with " + exit + "; see kubectl logs " + pod.name() + " -c " + container.name())
                    .endWaiting();
        } else if (exit != null) {
            state.withTerminated(process.lastEnd().map(PodObjects::terminated).orElseThrow());
        } else if (pod.waitingFor().isPresent()) {
            state.withNewWaiting()
                    .withReason("CreateContainerConfigError")
                    .withMessage(pod.waitingFor().get())
                    .endWaiting();
        } else {
            state.withNewWaiting()
                    .withReason(container.init() ? "PodInitializing" : "ContainerCreating")
                    .endWaiting();
        }
        // as a kubelet: the end before the current state, which is the last end once the container runs again
        Optional<ContainerEnd> before =
                process.running() || container.backingOff() ? process.lastEnd() : process.endBefore();
        return new ContainerStatusBuilder()
                .withName(container.name())
                .withImage(container.image())
                .withImageID("")
                .withReady(process.running() && (container.init() || pod.ready()))
                .withStarted(process.running())
                .withRestartCount(process.restarts())
                .withState(state.build())
                .withLastState(before.map(end -> new ContainerStateBuilder()
                                .withTerminated(terminated(end))
                                .build())
                        .orElse(null))
                .build();
    }

    private static ContainerStateTerminated terminated(ContainerEnd end) {
        return new ContainerStateTerminatedBuilder()
                .withExitCode(end.exitCode())
                .withReason(end.reason())
                .withMessage(end.message())
                .withStartedAt(end.startedAt() == null ? null : time(end.startedAt()))
                .withFinishedAt(time(end.finishedAt()))
                .build();
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
