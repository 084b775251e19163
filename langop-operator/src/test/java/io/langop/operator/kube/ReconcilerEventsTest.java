package io.langop.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.langop.api.v1alpha1.NetworkPeer;
import io.langop.api.v1alpha1.NetworkPort;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reconcilers tell their notable transitions as core/v1 Events, each once: an idle operator
 * (same conditions, same egress notes, workload in place) posts nothing.
 */
class ReconcilerEventsTest {

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults();

    @Test
    void anAgentTellsMissingThenResolvedReferencesItsWorkloadAndItsSwitchToASchedule() {
        String ns = "events-agent";
        operator.client().resource(Fixtures.agent(ns, "reporter", "gpt")).create();
        await().untilAsserted(() -> assertThat(reasons(ns, "reporter")).containsExactly("ReferencesMissing"));
        assertThat(events(ns, "reporter").getFirst().getMessage()).contains("gpt");
        assertThat(events(ns, "reporter").getFirst().getType()).isEqualTo("Warning");

        operator.client().resource(Fixtures.model(ns, "gpt")).create();
        await().untilAsserted(() -> assertThat(reasons(ns, "reporter"))
                .containsExactlyInAnyOrder("ReferencesMissing", "ReferencesResolved", "WorkloadCreated"));
        assertThat(messageOf(ns, "reporter", "WorkloadCreated")).isEqualTo("deployment reporter-agent created");
        // (the model's upstream host does not resolve here, so it also tells EgressRestricted)
        await().untilAsserted(() -> assertThat(reasons(ns, "gpt")).contains("WorkloadCreated", "EgressRestricted"));
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));

        LanguageAgent scheduled = get(ns, "reporter");
        scheduled.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
        scheduled.getSpec().setSchedule("*/5 * * * *");
        Edits.replaceSpec(operator.client(), scheduled);
        await().untilAsserted(() -> assertThat(reasons(ns, "reporter")).contains("WorkloadReplaced"));
        assertThat(messageOf(ns, "reporter", "WorkloadReplaced"))
                .isEqualTo("deployment reporter-agent replaced by cron job reporter-agent");

        LanguageAgent invalid = get(ns, "reporter");
        invalid.getSpec().setSchedule("every morning");
        Edits.replaceSpec(operator.client(), invalid);
        await().untilAsserted(() -> assertThat(reasons(ns, "reporter")).endsWith("InvalidSpec"));
        assertThat(messageOf(ns, "reporter", "InvalidSpec")).contains("every morning");
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
        assertThat(reasons(ns, "reporter"))
                .containsExactlyInAnyOrder(
                        "ReferencesMissing",
                        "ReferencesResolved",
                        "WorkloadCreated",
                        "WorkloadReplaced",
                        "InvalidSpec");
    }

    @Test
    void aToolWhoseEgressNameDoesNotResolveSaysSoOnce() {
        String ns = "events-tool";
        LanguageTool tool = Fixtures.tool(ns, "fetch", DeploymentMode.SERVICE, 8080);
        NetworkRule rule = new NetworkRule();
        rule.setTo(new NetworkPeer());
        rule.getTo().setDns(List.of("nowhere.invalid"));
        NetworkPort port = new NetworkPort();
        port.setPort(443);
        rule.setPorts(List.of(port));
        tool.getSpec().setEgress(List.of(rule));
        operator.client().resource(tool).create();

        await().untilAsserted(() ->
                assertThat(reasons(ns, "fetch")).containsExactlyInAnyOrder("WorkloadCreated", "EgressRestricted"));
        assertThat(messageOf(ns, "fetch", "EgressRestricted")).contains("nowhere.invalid");
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
        assertThat(reasons(ns, "fetch")).hasSize(2);
    }

    private static LanguageAgent get(String ns, String name) {
        return operator.client()
                .resources(LanguageAgent.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static List<Event> events(String ns, String about) {
        return operator.client().v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> about.equals(e.getInvolvedObject().getName()))
                .sorted(java.util.Comparator.comparing(
                        (Event e) -> e.getMetadata().getResourceVersion(),
                        java.util.Comparator.comparingLong(Long::parseLong)))
                .toList();
    }

    private static List<String> reasons(String ns, String about) {
        return events(ns, about).stream().map(Event::getReason).toList();
    }

    private static String messageOf(String ns, String about, String reason) {
        return events(ns, about).stream()
                .filter(e -> reason.equals(e.getReason()))
                .findFirst()
                .orElseThrow()
                .getMessage();
    }
}
