package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.langop.api.v1alpha1.agent.AgentConditions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the standard condition list of a status from the previous one, so a condition whose
 * status did not change keeps its {@code lastTransitionTime} and an unchanged object is written
 * identically (and therefore not written at all).
 */
public final class Conditions {

    public static final String READY = AgentConditions.READY;
    public static final String REFERENCES_RESOLVED = AgentConditions.REFERENCES_RESOLVED;
    public static final String VALID = "Valid";

    private final List<Condition> previous;
    private final long generation;
    private final List<Condition> next = new ArrayList<>();

    public Conditions(List<Condition> previous, Long generation) {
        this.previous = previous == null ? List.of() : previous;
        this.generation = generation == null ? 0 : generation;
    }

    /** Carries every previous condition over, for a change of one that leaves the others as they were. */
    public Conditions keepPrevious() {
        next.clear();
        next.addAll(previous);
        return this;
    }

    public Conditions set(String type, boolean status, String reason, String message) {
        String value = status ? "True" : "False";
        Condition before = previous.stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(null);
        String transition = before != null && value.equals(before.getStatus())
                ? before.getLastTransitionTime()
                : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        next.removeIf(c -> type.equals(c.getType()));
        next.add(new ConditionBuilder()
                .withType(type)
                .withStatus(value)
                .withReason(reason)
                .withMessage(Objects.requireNonNullElse(message, ""))
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition)
                .build());
        return this;
    }

    public List<Condition> build() {
        return List.copyOf(next);
    }

    /** The condition of {@code type} in {@code conditions}, if there is one. */
    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null
                ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return conditions != null
                && conditions.stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
