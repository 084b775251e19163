package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Objects;
import java.util.function.Supplier;

/** Reading the state of the workloads the operator runs. */
public final class Workloads {

    private Workloads() {}

    /**
     * How far a Deployment is: available only when its controller has seen the current template and
     * every wanted replica is updated and available — not merely when the object exists.
     */
    public record Availability(boolean available, int ready, int running, int wanted) {
        public String describe() {
            return ready + "/" + wanted + " replicas ready";
        }
    }

    public static Availability availability(Deployment deployment, int wanted) {
        if (deployment == null || deployment.getStatus() == null) {
            return new Availability(false, 0, 0, wanted);
        }
        var status = deployment.getStatus();
        int ready = Objects.requireNonNullElse(status.getReadyReplicas(), 0);
        int available = Objects.requireNonNullElse(status.getAvailableReplicas(), 0);
        int updated = Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
        int running = Objects.requireNonNullElse(status.getReplicas(), 0);
        Long generation = deployment.getMetadata().getGeneration();
        boolean seen = generation == null
                || status.getObservedGeneration() == null
                || status.getObservedGeneration() >= generation;
        return new Availability(seen && available >= wanted && updated >= wanted, ready, running, wanted);
    }

    /** A deep copy of a status to build the next one from, keeping fields other parts own. */
    public static <S> S copy(S status, Class<S> type, Supplier<S> empty) {
        return status == null ? empty.get() : KubeJson.mapper().convertValue(status, type);
    }
}
