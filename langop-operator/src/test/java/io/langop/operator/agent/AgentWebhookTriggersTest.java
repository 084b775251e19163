package io.langop.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.WebhookAuthentication;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorExtension;
import io.langop.wire.AgentEnv;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator serves spec.eventTriggers: a generated Secret per authenticated webhook, and CEL checked on reconcile. */
class AgentWebhookTriggersTest {

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EventTrigger webhook(String source, WebhookAuthentication authentication, String condition) {
        EventTrigger trigger = new EventTrigger();
        trigger.setType(EventTriggerType.WEBHOOK);
        trigger.setSource(source);
        trigger.setAuthentication(authentication);
        trigger.setCondition(condition);
        return trigger;
    }

    private static LanguageAgent eventDriven(String ns, String name, EventTrigger... triggers) {
        LanguageAgent agent = Fixtures.agent(ns, name, "m");
        agent.getSpec().setExecutionMode(ExecutionMode.EVENT_DRIVEN);
        agent.getSpec().setEventTriggers(List.of(triggers));
        return agent;
    }

    @Test
    void eachAuthenticatedWebhookGetsAGeneratedSecretThatReachesTheAgentOnlyThroughTheKubelet() throws Exception {
        String ns = "hooks";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        operator.client()
                .resource(eventDriven(
                        ns,
                        "triage",
                        webhook("github", WebhookAuthentication.GITHUB, "event.action == 'opened'"),
                        webhook("open", WebhookAuthentication.NONE, null)))
                .create();

        Deployment deployment = await().until(() -> deployment(ns, "triage-agent"), d -> d != null);
        Secret secret = await().until(() -> secret(ns, "triage-webhooks"), s -> s != null);
        assertThat(secret.getData()).containsOnlyKeys("webhook-github");
        String generated = decoded(secret, "webhook-github");
        assertThat(generated).matches("[0-9a-f]{64}");
        assertThat(secret.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo("triage"));

        Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        EnvVar secretVariable = container.getEnv().stream()
                .filter(variable -> variable.getName().equals(AgentEnv.AGENT_WEBHOOK_SECRET + "_0"))
                .findFirst()
                .orElseThrow();
        assertThat(secretVariable.getValue()).isNull();
        assertThat(secretVariable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("triage-webhooks");
        assertThat(secretVariable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("webhook-github");
        JsonNode triggers = JSON.readTree(container.getEnv().stream()
                .filter(variable -> variable.getName().equals(AgentEnv.AGENT_TRIGGERS))
                .findFirst()
                .orElseThrow()
                .getValue());
        assertThat(triggers.toString())
                .isEqualTo("{\"webhooks\":[{\"name\":\"github\",\"authentication\":\"github\",\"secretEnv\":"
                        + "\"AGENT_WEBHOOK_SECRET_0\",\"condition\":\"event.action == 'opened'\"},"
                        + "{\"name\":\"open\",\"authentication\":\"none\"}]}");
        assertThat(operator.client().resource(deployment).get().toString()).doesNotContain(generated);

        // a new trigger keeps the first one's secret; without authenticated triggers the Secret goes
        LanguageAgent twoHooks = agent(ns, "triage");
        twoHooks.getSpec()
                .setEventTriggers(List.of(
                        webhook("github", WebhookAuthentication.GITHUB, null),
                        webhook("gitlab", WebhookAuthentication.GITLAB, null)));
        Edits.replaceSpec(operator.client(), twoHooks);
        await().untilAsserted(() -> assertThat(secret(ns, "triage-webhooks").getData())
                .containsOnlyKeys("webhook-github", "webhook-gitlab"));
        assertThat(decoded(secret(ns, "triage-webhooks"), "webhook-github")).isEqualTo(generated);
        LanguageAgent open = agent(ns, "triage");
        open.getSpec().setEventTriggers(List.of(webhook(null, WebhookAuthentication.NONE, null)));
        Edits.replaceSpec(operator.client(), open);
        await().until(() -> secret(ns, "triage-webhooks") == null);
        assertThat(secret(ns, "triage-proxy-key"))
                .as("the agent's other Secret stays")
                .isNotNull();
    }

    @Test
    void aRecreatedAgentTakesOverItsPredecessorsSecretWithNewSecrets() {
        String ns = "hooks-recreated";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        operator.client()
                .resource(eventDriven(ns, "pager", webhook(null, WebhookAuthentication.HMAC, null)))
                .create();
        Secret first = await().until(() -> secret(ns, "pager-webhooks"), s -> s != null);

        // deleted and created again before the garbage collector took the Secret (the mock API server has none)
        operator.client()
                .resources(LanguageAgent.class)
                .inNamespace(ns)
                .withName("pager")
                .delete();
        await().until(() -> operator.client()
                        .resources(LanguageAgent.class)
                        .inNamespace(ns)
                        .withName("pager")
                        .get()
                == null);
        LanguageAgent again = operator.client()
                .resource(eventDriven(ns, "pager", webhook(null, WebhookAuthentication.HMAC, null)))
                .create();

        await().untilAsserted(() -> assertThat(
                        secret(ns, "pager-webhooks").getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner ->
                        assertThat(owner.getUid()).isEqualTo(again.getMetadata().getUid())));
        assertThat(decoded(secret(ns, "pager-webhooks"), "webhook"))
                .as("the new incarnation's secret")
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(decoded(first, "webhook"));
    }

    @Test
    void aConditionThatDoesNotCompileFailsTheAgentNamingTheTriggerAndTheError() {
        String ns = "hooks-invalid";
        operator.client().resource(Fixtures.model(ns, "m")).create();
        operator.client()
                .resource(eventDriven(
                        ns,
                        "broken",
                        webhook("github", WebhookAuthentication.GITHUB, "event.action == 'opened'"),
                        webhook("orders", WebhookAuthentication.HMAC, "ce.type = 'created'")))
                .create();

        await().untilAsserted(() -> {
            LanguageAgent current = operator.client()
                    .resources(LanguageAgent.class)
                    .inNamespace(ns)
                    .withName("broken")
                    .get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(AgentPhase.FAILED);
            assertThat(current.getStatus().getConditions())
                    .filteredOn(c -> c.getType().equals("Ready"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.getReason()).isEqualTo("InvalidSpec");
                        assertThat(c.getMessage()).startsWith("spec.eventTriggers[1].condition: column 9:");
                    });
        });
        assertThat(deployment(ns, "broken-agent")).isNull();
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static LanguageAgent agent(String ns, String name) {
        return operator.client()
                .resources(LanguageAgent.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    private static Secret secret(String ns, String name) {
        return operator.client().secrets().inNamespace(ns).withName(name).get();
    }

    private static Deployment deployment(String ns, String name) {
        return operator.client()
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName(name)
                .get();
    }
}
