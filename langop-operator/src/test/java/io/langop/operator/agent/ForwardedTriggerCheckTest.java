package io.langop.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.KubernetesEventSource;
import io.langop.api.v1alpha1.agent.WebhookAuthentication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the schema refuses in forwarded triggers is refused by the operator too, where no schema is checked. */
class ForwardedTriggerCheckTest {

    @Test
    void neverWatchesASecretOrAKindItsRbacDoesNotCover() {
        assertThat(ForwardedTriggerCheck.problems(
                        List.of(watching("v1", "Secret"), watching("apps/v1", "StatefulSet"))))
                .containsExactly(
                        "spec.eventTriggers[0].kubernetes: " + KubernetesEventSource.NO_SECRETS,
                        "spec.eventTriggers[1].kubernetes: " + KubernetesEventSource.NOT_WATCHABLE);
    }

    @Test
    void wantsTheWatchedObjectsNamedAndEventsSelectedByWhatTheyAreAbout() {
        EventTrigger everything = watching("v1", "ConfigMap");
        everything.getKubernetes().setNames(null);
        EventTrigger namedEvents = watching("v1", "Event");
        EventTrigger both = watching("v1", "ConfigMap");
        both.getKubernetes().setLabels(Map.of("app", "shop"));
        assertThat(ForwardedTriggerCheck.problems(List.of(everything, namedEvents, both)))
                .containsExactly(
                        "spec.eventTriggers[0].kubernetes: " + KubernetesEventSource.NAMES_OR_LABELS,
                        "spec.eventTriggers[1].kubernetes: " + KubernetesEventSource.NO_EVENT_NAMES,
                        "spec.eventTriggers[2].kubernetes: " + KubernetesEventSource.NAMES_OR_LABELS);
        assertThat(ForwardedTriggerCheck.problems(List.of(watching("apps/v1", "Deployment"))))
                .isEmpty();
    }

    @Test
    void checksTheCronOfASchedule() {
        EventTrigger schedule = new EventTrigger();
        schedule.setType(EventTriggerType.SCHEDULE);
        schedule.setSchedule("61 * * * *");
        EventTrigger signedElsewise = new EventTrigger();
        signedElsewise.setType(EventTriggerType.SCHEDULE);
        signedElsewise.setSchedule("@every 30s");
        signedElsewise.setAuthentication(WebhookAuthentication.GITHUB);
        EventTrigger missing = new EventTrigger();
        missing.setType(EventTriggerType.SCHEDULE);
        assertThat(ForwardedTriggerCheck.problems(List.of(schedule, signedElsewise, missing)))
                .containsExactly(
                        "spec.eventTriggers[0].schedule '61 * * * *': minute 61 is outside 0-59",
                        "spec.eventTriggers[1]: " + EventTrigger.FORWARDED_AUTHENTICATION,
                        "spec.eventTriggers[2]: " + EventTrigger.SCHEDULE_FIELD);
    }

    private static EventTrigger watching(String apiVersion, String kind) {
        KubernetesEventSource watch = new KubernetesEventSource();
        watch.setApiVersion(apiVersion);
        watch.setKind(kind);
        watch.setNames(List.of("x"));
        EventTrigger trigger = new EventTrigger();
        trigger.setType(EventTriggerType.KUBERNETES_EVENT);
        trigger.setKubernetes(watch);
        return trigger;
    }
}
