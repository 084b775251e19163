package io.langop.operator.agent;

import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.KubernetesEventSource;
import io.langop.api.v1alpha1.agent.WebhookAuthentication;
import io.langop.operator.trigger.WatchedKind;
import io.langop.wire.CronTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schema's rules for the triggers the operator forwards, checked again when the agent is reconciled: the in-process
 * API server of the tests and {@code langop local} checks no schema rule, and the operator must never watch a Secret
 * or a kind its RBAC does not cover, whatever got stored. Also what no schema can check: the fields of a cron.
 */
final class ForwardedTriggerCheck {

    private ForwardedTriggerCheck() {}

    static List<String> problems(List<EventTrigger> triggers) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < triggers.size(); i++) {
            EventTrigger trigger = triggers.get(i);
            String where = "spec.eventTriggers[" + i + "]";
            boolean kubernetes = trigger.getType() == EventTriggerType.KUBERNETES_EVENT;
            boolean schedule = trigger.getType() == EventTriggerType.SCHEDULE;
            if (kubernetes != (trigger.getKubernetes() != null)) {
                problems.add(where + ": " + EventTrigger.KUBERNETES_FIELD);
            } else if (kubernetes) {
                watchProblem(trigger.getKubernetes())
                        .ifPresent(problem -> problems.add(where + ".kubernetes: " + problem));
            }
            if (schedule != (trigger.getSchedule() != null)) {
                problems.add(where + ": " + EventTrigger.SCHEDULE_FIELD);
            } else if (schedule) {
                try {
                    CronTimes.of(trigger.getSchedule());
                } catch (IllegalArgumentException invalid) {
                    problems.add(where + ".schedule '" + trigger.getSchedule() + "': " + invalid.getMessage());
                }
            }
            if ((kubernetes || schedule)
                    && trigger.getAuthentication() != null
                    && trigger.getAuthentication() != WebhookAuthentication.HMAC) {
                problems.add(where + ": " + EventTrigger.FORWARDED_AUTHENTICATION);
            }
        }
        return problems;
    }

    private static Optional<String> watchProblem(KubernetesEventSource watch) {
        if ("Secret".equals(watch.getKind())) {
            return Optional.of(KubernetesEventSource.NO_SECRETS);
        }
        if (WatchedKind.of(watch).isEmpty()) {
            return Optional.of(KubernetesEventSource.NOT_WATCHABLE);
        }
        boolean events = "Event".equals(watch.getKind());
        boolean names = watch.getNames() != null && !watch.getNames().isEmpty();
        boolean labels = watch.getLabels() != null && !watch.getLabels().isEmpty();
        if (events && names) {
            return Optional.of(KubernetesEventSource.NO_EVENT_NAMES);
        }
        if (!events && names == labels) {
            return Optional.of(KubernetesEventSource.NAMES_OR_LABELS);
        }
        if (!events && (watch.getReasons() != null || watch.getInvolvedObject() != null)) {
            return Optional.of(KubernetesEventSource.EVENTS_ONLY);
        }
        return Optional.empty();
    }
}
