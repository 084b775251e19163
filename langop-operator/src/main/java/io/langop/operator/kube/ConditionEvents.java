package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;

/**
 * Events for conditions entering a state: each {@link Rule} names a condition type and reason and the
 * event to post when a reconcile gives the condition that reason (and status) while the stored status
 * did not. Computed from the stored status, so an idle reconcile posts nothing and a restarted
 * operator repeats nothing.
 */
public final class ConditionEvents {

    /**
     * Post {@code eventReason} when condition {@code conditionType} gets {@code reason} (and, if not
     * null, {@code status}); {@code onlyOnChange}: not when the condition first appears.
     */
    public record Rule(
            String conditionType,
            String status,
            String reason,
            String eventReason,
            Events.Type type,
            boolean onlyOnChange) {

        public static Rule warning(String conditionType, String reason, String eventReason) {
            return new Rule(conditionType, null, reason, eventReason, Events.Type.Warning, false);
        }

        public static Rule normal(String conditionType, String reason, String eventReason) {
            return new Rule(conditionType, null, reason, eventReason, Events.Type.Normal, false);
        }

        /** This rule, but silent when the condition first appears (e.g. "resolved" only after "missing"). */
        public Rule onlyAfterAnotherState() {
            return new Rule(conditionType, status, reason, eventReason, type, true);
        }
    }

    private final List<Rule> rules;

    public ConditionEvents(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Posts an event for each rule whose state is new in {@code after} compared with {@code before}. */
    public void post(KubernetesClient client, HasMetadata about, List<Condition> before, List<Condition> after) {
        for (Rule rule : rules) {
            Condition now = find(after, rule.conditionType());
            if (now == null
                    || !rule.reason().equals(now.getReason())
                    || (rule.status() != null && !rule.status().equals(now.getStatus()))) {
                continue;
            }
            Condition then = find(before, rule.conditionType());
            if (then == null
                    ? rule.onlyOnChange()
                    : Objects.equals(then.getReason(), now.getReason())
                            && Objects.equals(then.getStatus(), now.getStatus())) {
                continue;
            }
            Events.post(client, about, rule.type(), rule.eventReason(), now.getMessage());
        }
    }

    private static Condition find(List<Condition> conditions, String type) {
        return conditions == null
                ? null
                : conditions.stream()
                        .filter(c -> type.equals(c.getType()))
                        .findFirst()
                        .orElse(null);
    }
}
