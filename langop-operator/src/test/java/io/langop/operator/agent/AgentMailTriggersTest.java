package io.langop.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.langop.api.v1alpha1.agent.AgentObservability;
import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.MailTrigger;
import io.langop.api.v1alpha1.agent.Workspace;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.wire.AgentEnv;
import io.langop.wire.MailTriggers;
import io.langop.wire.TelemetryEnv;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Mail triggers: the agent serves each as an HMAC webhook at /webhook/mail-<tool>, and the email tool is told where
 * to post and gets the secret to sign with as a file projected from the agent's Secret (never the value).
 */
class AgentMailTriggersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAgentServesAMailTriggerAsAnHmacWebhookAtMailAndTheToolsName() throws Exception {
        LanguageAgent agent = triage("shop", mail("inbox", null));

        Map<String, EnvVar> env = byName(AgentWebhooks.env(agent));

        assertThat(JSON.readTree(env.get(AgentEnv.AGENT_TRIGGERS).getValue()).toString())
                .isEqualTo("{\"webhooks\":[{\"name\":\"mail-inbox\",\"authentication\":\"hmac\",\"secretEnv\":"
                        + "\"AGENT_WEBHOOK_SECRET_0\",\"condition\":\"event.subject.contains('order')\"}]}");
        assertThat(env.get(AgentEnv.AGENT_WEBHOOK_SECRET + "_0")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getKey())
                .isEqualTo("webhook-mail-inbox");
        assertThat(AgentWebhooks.secretKeys(agent)).containsExactly("webhook-mail-inbox");
        assertThat(AgentWebhooks.problems(agent)).isEmpty();
    }

    @Test
    void aServiceToolPostsToEachSubscribedAgentsServiceWithItsSecretFromTheAgentsSecret() throws Exception {
        LanguageTool tool = Fixtures.tool("shop", "inbox", DeploymentMode.SERVICE, 8080);
        LanguageAgent triage = triage("shop", mail("inbox", "support"));
        triage.getSpec().getEventTriggers().getFirst().getMail().setFrom("@customers.example");
        LanguageAgent other = triage("shop", mail("other-inbox", null));
        other.getMetadata().setName("other");
        LanguageAgent elsewhere = triage("staging", mail("inbox", null));

        AgentMailTriggers.Wiring wiring = AgentMailTriggers.service(tool, List.of(elsewhere, other, triage));

        Map<String, EnvVar> env = byName(wiring.env());
        assertThat(env).containsOnlyKeys(MailTriggers.ENV, MailTriggers.SECRETS_DIR_ENV);
        assertThat(env.get(MailTriggers.SECRETS_DIR_ENV).getValue()).isEqualTo(MailTriggers.SECRETS_PATH);
        JsonNode subscription =
                JSON.readTree(env.get(MailTriggers.ENV).getValue()).path("subscriptions");
        assertThat(subscription).hasSize(1);
        assertThat(subscription.get(0).toString())
                .isEqualTo("{\"agent\":\"shop/triage\",\"endpoint\":"
                        + "\"http://triage-agent.shop.svc.cluster.local:8000/webhook/support\",\"secretFile\":"
                        + "\"0\",\"folder\":\"INBOX\",\"from\":\"@customers.example\"}");
        // the secret, by reference: optional, so that the tool starts before the agent's Secret exists
        var secret = wiring.secrets()
                .orElseThrow()
                .getProjected()
                .getSources()
                .getFirst()
                .getSecret();
        assertThat(secret.getName()).isEqualTo("triage-webhooks");
        assertThat(secret.getOptional()).isTrue();
        assertThat(secret.getItems())
                .singleElement()
                .satisfies(item ->
                        assertThat(item.getKey() + " -> " + item.getPath()).isEqualTo("webhook-support -> 0"));
    }

    @Test
    void aSidecarPostsToItsOwnAgentOnLocalhostAndKeepsItsCursorsInTheWorkspace() throws Exception {
        LanguageTool tool = Fixtures.tool("shop", "inbox", DeploymentMode.SIDECAR, 8081);
        LanguageAgent agent = triage("shop", mail("inbox", null));
        Workspace workspace = new Workspace();
        workspace.setSize("1Gi");
        agent.getSpec().setWorkspace(workspace);

        PodTemplateSpec pod = AgentPodTemplate.build(AgentPlans.plan(agent, List.of(), List.of(tool)), null);

        Container sidecar = pod.getSpec().getInitContainers().getFirst();
        Map<String, EnvVar> env = byName(sidecar.getEnv());
        assertThat(JSON.readTree(env.get(MailTriggers.ENV).getValue())
                        .path("subscriptions")
                        .get(0)
                        .path("endpoint")
                        .asText())
                .isEqualTo("http://localhost:8000/webhook/mail-inbox");
        assertThat(env.get(MailTriggers.STATE_DIR_ENV).getValue()).isEqualTo("/workspace/.langop/mail-triggers");
        assertThat(sidecar.getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getName() + " at " + mount.getMountPath())
                        .isEqualTo("mail-trigger-secrets-inbox at " + MailTriggers.SECRETS_PATH));
        assertThat(pod.getSpec().getVolumes())
                .anySatisfy(volume -> assertThat(volume.getName()).isEqualTo("mail-trigger-secrets-inbox"));
        assertThat(pod.getSpec().getContainers().getFirst().getVolumeMounts())
                .as("the agent's container does not see the secrets' volume")
                .noneSatisfy(mount -> assertThat(mount.getName()).startsWith("mail-trigger"));
    }

    @Test
    void aTracedAgentsSidecarThatForwardsItsMailStartsTheTraceOfEachDeliveryWhereOtherSidecarsOnlyContinue() {
        LanguageTool inbox = Fixtures.tool("shop", "inbox", DeploymentMode.SIDECAR, 8081);
        LanguageTool web = Fixtures.tool("shop", "web", DeploymentMode.SIDECAR, 8082);
        LanguageAgent agent = triage("shop", mail("inbox", null));
        agent.getSpec().setObservability(new AgentObservability());
        agent.getSpec().getObservability().setTracing(true);
        agent.getSpec().getObservability().setOtlpEndpoint("http://collector.monitoring:4318");

        PodTemplateSpec pod = AgentPodTemplate.build(AgentPlans.plan(agent, List.of(), List.of(inbox, web)), null);

        Map<String, String> samplers = pod.getSpec().getInitContainers().stream()
                .collect(Collectors.toMap(
                        Container::getName,
                        sidecar -> byName(sidecar.getEnv())
                                .get(TelemetryEnv.TRACES_SAMPLER)
                                .getValue()));
        assertThat(samplers)
                .containsEntry("tool-inbox", TelemetryEnv.SAMPLER_PARENT_BASED_ALWAYS_ON)
                .containsEntry("tool-web", TelemetryEnv.SAMPLER_PARENT_BASED_ALWAYS_OFF);
    }

    @Test
    void aMailTriggerWhoseToolIsNoneOfTheAgentsIsRefusedNamingTheTrigger() {
        LanguageAgent agent = triage("shop", mail("elsewhere", null));

        assertThat(AgentWebhooks.problems(agent))
                .containsExactly("spec.eventTriggers[0].mail.tool: elsewhere is none of spec.toolRefs in namespace"
                        + " shop (a mail trigger's email tool is one of the agent's tools, in its namespace)");
        assertThat(AgentMailTriggers.service(
                                Fixtures.tool("shop", "elsewhere", DeploymentMode.SERVICE, 8080), List.of(agent))
                        .env())
                .as("the tool does not post to an agent that does not use it")
                .isEmpty();
    }

    private static EventTrigger mail(String tool, String source) {
        MailTrigger mail = new MailTrigger();
        mail.setTool(tool);
        EventTrigger trigger = new EventTrigger();
        trigger.setType(EventTriggerType.MAIL);
        trigger.setSource(source);
        trigger.setMail(mail);
        trigger.setCondition("event.subject.contains('order')");
        return trigger;
    }

    private static LanguageAgent triage(String namespace, EventTrigger trigger) {
        LanguageAgent agent = Fixtures.agent(namespace, "triage", "qwen", "inbox", "other-inbox");
        agent.getSpec().setExecutionMode(ExecutionMode.EVENT_DRIVEN);
        agent.getSpec().setEventTriggers(List.of(trigger));
        return agent;
    }

    private static Map<String, EnvVar> byName(List<EnvVar> env) {
        return env.stream().collect(Collectors.toMap(EnvVar::getName, variable -> variable));
    }
}
