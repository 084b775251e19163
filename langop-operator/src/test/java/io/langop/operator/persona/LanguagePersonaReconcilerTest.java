package io.langop.operator.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.langop.api.v1alpha1.PersonaReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.persona.PersonaPhase;
import io.langop.api.v1alpha1.persona.PersonaRule;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.ReconcileFailures;
import io.langop.operator.kube.ReconcileErrors;
import io.langop.wire.AgentEnv;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LanguagePersonaReconcilerTest {

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults();

    @Test
    void aValidPersonaIsReadyCountsItsAgentsAndItsEditsReachThem() {
        String ns = "personas-valid";
        operator.client().resource(Fixtures.persona(ns, "analyst")).create();
        operator.client().resource(Fixtures.model(ns, "m")).create();
        LanguageAgent agent = Fixtures.agent(ns, "reporter", "m");
        PersonaReference ref = new PersonaReference();
        ref.setName("analyst");
        agent.getSpec().setPersonaRef(ref);
        operator.client().resource(agent).create();

        await().untilAsserted(() -> {
            LanguagePersona current = get(ns, "analyst");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(PersonaPhase.READY);
            assertThat(current.getStatus().getValidationResult().getValid()).isTrue();
            assertThat(current.getStatus().getUsageCount()).isEqualTo(1);
            assertThat(current.getStatus().getActiveAgents()).containsExactly("personas-valid/reporter");
        });
        await().untilAsserted(() -> assertThat(agentEnv(ns, "reporter-agent"))
                .containsEntry(AgentEnv.PERSONA_NAME, "analyst")
                .containsEntry(
                        AgentEnv.PERSONA_SYSTEM_PROMPT, "You are a careful analyst.\n\nGuidelines:\n- Cite sources"));

        LanguagePersona persona = get(ns, "analyst");
        persona.getSpec().setSystemPrompt("You are a terse analyst.");
        Edits.replaceSpec(operator.client(), persona);
        await().untilAsserted(() -> assertThat(agentEnv(ns, "reporter-agent"))
                .containsEntry(
                        AgentEnv.PERSONA_SYSTEM_PROMPT, "You are a terse analyst.\n\nGuidelines:\n- Cite sources"));
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));
    }

    @Test
    void anInvalidPersonaIsReportedAndKeepsItsAgentsWaiting() {
        String ns = "personas-invalid";
        LanguagePersona persona = Fixtures.persona(ns, "confused");
        persona.getSpec().setRules(List.of(rule("tone"), rule("tone")));
        operator.client().resource(persona).create();
        operator.client().resource(Fixtures.model(ns, "m")).create();
        LanguageAgent agent = Fixtures.agent(ns, "user", "m");
        PersonaReference ref = new PersonaReference();
        ref.setName("confused");
        agent.getSpec().setPersonaRef(ref);
        operator.client().resource(agent).create();

        await().untilAsserted(() -> {
            LanguagePersona current = get(ns, "confused");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(PersonaPhase.FAILED);
            assertThat(current.getStatus().getValidationResult().getErrors())
                    .containsExactly("spec.rules[1].name 'tone' is used by an earlier rule");
        });
        await().untilAsserted(() -> {
            LanguageAgent current = operator.client()
                    .resources(LanguageAgent.class)
                    .inNamespace(ns)
                    .withName("user")
                    .get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getMessage())
                    .contains("LanguagePersona personas-invalid/confused is not Ready");
        });
        assertThat(operator.client()
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("user-agent")
                        .get())
                .isNull();
    }

    /** A persona's reconcile writes only its status: a webhook refusing that write is its failure. */
    @Test
    void aRefusedStatusIsReportedInTheStatusUntilItGoesThrough() {
        String ns = "personas-refused";
        String path = "/namespaces/" + ns + "/languagepersonas/helper/status";
        try (var refusal = operator.api()
                .refuseWhere(
                        request -> request.method().equals("PATCH")
                                && request.path().startsWith("/apis/langop.io/")
                                && request.path().contains(path)
                                // lets the error's own write through, as a webhook checking the phase would
                                && !request.body().contains(ReconcileErrors.CONDITION),
                        403,
                        "Forbidden",
                        ReconcileFailures.WEBHOOK_ANSWER)) {
            operator.client().resource(Fixtures.persona(ns, "helper")).create();
            var condition = ReconcileFailures.awaitRecorded(operator.client(), LanguagePersona.class, ns, "helper");
            // the client names no object for a subresource: the object is the persona itself
            assertThat(condition.getMessage()).startsWith("API server answered 403: admission webhook");
            assertThat(get(ns, "helper").getStatus().getPhase()).isNull();
        }
        ReconcileFailures.awaitCleared(operator.client(), LanguagePersona.class, ns, "helper");
        assertThat(get(ns, "helper").getStatus().getPhase()).isEqualTo(PersonaPhase.READY);
    }

    private static PersonaRule rule(String name) {
        PersonaRule rule = new PersonaRule();
        rule.setName(name);
        rule.setCondition("always");
        rule.setAction("be brief");
        return rule;
    }

    private static Map<String, String> agentEnv(String ns, String deployment) {
        Deployment d = operator.client()
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName(deployment)
                .get();
        assertThat(d).isNotNull();
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(variable -> variable.getValue() != null) // the agent's key comes from its Secret
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static LanguagePersona get(String ns, String name) {
        return operator.client()
                .resources(LanguagePersona.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }
}
