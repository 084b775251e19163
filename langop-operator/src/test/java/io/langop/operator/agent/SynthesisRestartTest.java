package io.langop.operator.agent;

import static io.langop.operator.agent.Fixtures.isTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.OperatorSettings;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator is restarted while the LLM is writing an agent: the agent still gets its code (nothing is
 * lost), and the restart costs at most the one call that was in flight. The stopped operator's run ends with
 * it; left going, it would have gone on to a repair round for an answer nobody writes any more.
 */
class SynthesisRestartTest {

    private static final String NS = "restart";
    private static final String VALID = Fixtures.CODE_WITHOUT_TOOLS;
    private static final String INVALID = VALID.replace(".maxIterations(20)", ".maxIterations(\"twenty\")");
    /** Longer than the new operator needs to start, so its stop comes while the answer is on its way. */
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

    private static final ScriptedOpenAiServer LLM = startLlm();

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.with(OperatorSettings.defaults()
            .withSynthesis(new SynthesisSettings(
                    Optional.of(LLM.baseUrl()),
                    Optional.of("synth-model"),
                    Optional.of("sk-test"),
                    1,
                    100,
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(30),
                    4)));

    @AfterAll
    static void stopLlm() {
        LLM.close();
    }

    @Test
    void anOperatorStoppedWhileTheLlmWritesLosesNothingAndSpendsAtMostTheCallInFlight() {
        KubernetesClient client = operator.client();
        client.resource(Fixtures.model(NS, "qwen")).create();
        // the answer in flight is wrong, so a run that outlived its operator would ask for a repair
        LLM.delayReplies(SLOW_ANSWER).thenText("```java\n" + INVALID + "\n```");
        LLM.otherwise(new ScriptedOpenAiServer.Text("```java\n" + VALID + "\n```", 900, 300));
        client.resource(Fixtures.agent(NS, "digest", "qwen")).create();
        eventually().until(() -> LLM.requests().size() == 1);

        operator.restart();

        String hash = SynthesisFingerprint.sha256(VALID);
        eventually().until(() -> podCodeHash("digest-agent"), hash::equals);
        LanguageAgent agent = eventually().until(() -> agent("digest"), a -> isTrue(a, "CodeUpdated"));
        assertThat(isTrue(agent, "Validated")).isTrue();
        assertThat(configMap("digest-code").getData()).containsEntry("Agent.java", VALID);
        // past the time the stopped operator's answer arrived, and a repair request would have followed
        await().during(SLOW_ANSWER.plusSeconds(2))
                .atMost(SLOW_ANSWER.plusSeconds(4))
                .until(() -> LLM.requests().size() <= 2);
        assertThat(LLM.requests())
                .as("the call in flight and the new operator's call")
                .hasSize(2);
    }

    private static ScriptedOpenAiServer startLlm() {
        try {
            return new ScriptedOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(50));
    }

    private static LanguageAgent agent(String name) {
        return operator.client()
                .resources(LanguageAgent.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private static ConfigMap configMap(String name) {
        return operator.client().configMaps().inNamespace(NS).withName(name).get();
    }

    private static String podCodeHash(String name) {
        return Fixtures.codeHash(operator.client()
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName(name)
                .get());
    }
}
