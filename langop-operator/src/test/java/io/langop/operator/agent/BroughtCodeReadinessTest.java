package io.langop.operator.agent;

import static io.langop.operator.agent.Fixtures.condition;
import static io.langop.operator.agent.Fixtures.isTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.CodeReference;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.harness.OperatorExtension;
import java.time.Duration;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agent that brings its code ({@code spec.codeRef}) is not Ready while that code is missing: the pod
 * would wait for its volume forever, so the status names the ConfigMap and says what to do, and the agent
 * recovers by itself once the ConfigMap is there.
 */
class BroughtCodeReadinessTest {

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults();

    private static final String NS = "brought-code";
    private static final String CODE = Fixtures.CODE_WITHOUT_TOOLS;

    @Test
    void aMissingConfigMapKeepsTheAgentUnreadyUntilItAppears() {
        KubernetesClient client = operator.client();
        client.resource(Fixtures.model(NS, "qwen")).create();
        client.resource(scheduledAgentBringing("nightly", "qwen", "nightly-code", null))
                .create();

        LanguageAgent waiting = eventually().until(() -> agent("nightly"), a -> hasReason(a, "Ready", "CodeNotFound"));
        assertThat(condition(waiting, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(waiting, "Ready").getMessage())
                .contains("ConfigMap nightly-code not found in namespace " + NS)
                .contains("kubectl -n " + NS + " create configmap nightly-code --from-file=Agent.java");
        assertThat(waiting.getStatus().getPhase()).isEqualTo(AgentPhase.PENDING);

        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("nightly-code")
                        .withNamespace(NS)
                        .endMetadata()
                        .withData(Map.of("Agent.java", CODE))
                        .build())
                .create();

        LanguageAgent ready = eventually().until(() -> agent("nightly"), a -> isTrue(a, "Ready"));
        assertThat(isTrue(ready, "Validated")).isTrue();
        assertThat(ready.getStatus().getPhase()).isEqualTo(AgentPhase.RUNNING);
    }

    @Test
    void aConfigMapWithoutTheNamedKeyIsReportedWithTheKey() {
        KubernetesClient client = operator.client();
        client.resource(Fixtures.model(NS, "gpt")).create();
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("keyed-code")
                        .withNamespace(NS)
                        .endMetadata()
                        .withData(Map.of("Agent.java", CODE))
                        .build())
                .create();
        client.resource(scheduledAgentBringing("keyed", "gpt", "keyed-code", "Main.java"))
                .create();

        LanguageAgent waiting = eventually().until(() -> agent("keyed"), a -> hasReason(a, "Ready", "CodeNotFound"));
        assertThat(condition(waiting, "Ready").getMessage())
                .contains("ConfigMap keyed-code has no key Main.java")
                .contains("spec.codeRef.key");
    }

    private static LanguageAgent scheduledAgentBringing(String name, String model, String configMap, String key) {
        LanguageAgent agent = Fixtures.agent(NS, name, model);
        agent.getSpec().setInstructions(null);
        agent.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
        agent.getSpec().setSchedule("0 3 * * *");
        CodeReference ref = new CodeReference();
        ref.setName(configMap);
        ref.setKey(key);
        agent.getSpec().setCodeRef(ref);
        return agent;
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }

    private static LanguageAgent agent(String name) {
        return operator.client()
                .resources(LanguageAgent.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private static boolean hasReason(LanguageAgent agent, String type, String reason) {
        Condition condition = condition(agent, type);
        return condition != null && reason.equals(condition.getReason());
    }
}
