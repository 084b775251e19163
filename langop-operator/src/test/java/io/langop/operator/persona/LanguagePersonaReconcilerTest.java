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
