package io.langop.operator.agent;

import static io.langop.operator.agent.Fixtures.condition;
import static io.langop.operator.agent.Fixtures.isTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.CodeReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.OperatorSettings;
import io.langop.operator.harness.OperatorHarness;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twenty agents written at once by one slow LLM, through the operator: syntheses run in the background
 * within the namespace's budget, and other agents are reconciled meanwhile.
 */
class ConcurrentSynthesisTest {

    private static final String NS = "crowd";
    private static final String VALID = Fixtures.CODE_WITHOUT_TOOLS;
    private static final int AGENTS = 20;
    /**
     * Far below what four concurrent one-second LLM calls could use, so the budget is what binds, also when
     * a loaded machine reconciles the twenty agents slowly.
     */
    private static final int BURST = 8;

    private static final Duration REFILL = Duration.ofSeconds(2);

    private ScriptedOpenAiServer llm;
    private OperatorHarness operator;
    private KubernetesClient client;

    @BeforeEach
    void start() throws Exception {
        llm = new ScriptedOpenAiServer()
                .delayReplies(Duration.ofSeconds(1))
                .otherwise(new ScriptedOpenAiServer.Text("```java\n" + VALID + "\n```", 10, 5));
        OperatorSettings settings = OperatorSettings.defaults()
                .withSynthesis(new SynthesisSettings(
                        Optional.of(llm.baseUrl()),
                        Optional.of("slow-model"),
                        Optional.empty(),
                        1,
                        BURST,
                        REFILL,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        4));
        operator = OperatorHarness.start(settings, host -> {
            throw new UnknownHostException(host);
        });
        client = operator.client();
        client.resource(Fixtures.model(NS, "qwen")).create();
    }

    @AfterEach
    void stop() {
        operator.close();
        llm.close();
    }

    @Test
    void twentyAgentsAreWrittenWithinTheBudgetWhileOtherAgentsAreReconciled() {
        long started = System.nanoTime();
        IntStream.range(0, AGENTS)
                .forEach(i -> client.resource(Fixtures.agent(NS, "writer-" + i, "qwen"))
                        .create());
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("handwritten")
                        .withNamespace(NS)
                        .endMetadata()
                        .withData(Map.of("Agent.java", VALID))
                        .build())
                .create();
        LanguageAgent own = Fixtures.agent(NS, "own", "qwen");
        own.getSpec().setInstructions(null);
        CodeReference ref = new CodeReference();
        ref.setName("handwritten");
        own.getSpec().setCodeRef(ref);
        client.resource(own).create();

        Set<String> reasonsSeen = ConcurrentHashMap.newKeySet();
        // the agent that brings its code is reconciled while the slow LLM still has agents to write (generous
        // timeouts: the first check loads the compiler, which takes seconds on a loaded machine)
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    observe(started, reasonsSeen);
                    return isTrue(agent("own"), "Validated");
                });
        assertThat(agentsWithCode())
                .as("agents written when the other agent was ready")
                .isLessThan(AGENTS);

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    observe(started, reasonsSeen);
                    return agentsWithCode() == AGENTS;
                });
        assertThat(llm.requests()).hasSize(AGENTS);
        assertThat(reasonsSeen)
                .as("some agents waited for the namespace's budget")
                .contains("RateLimited");
        IntStream.range(0, AGENTS)
                .forEach(i -> assertThat(client.configMaps()
                                .inNamespace(NS)
                                .withName("writer-" + i + "-code")
                                .get()
                                .getData())
                        .containsEntry("Agent.java", VALID));
    }

    /** Checks the budget and notes why agents are waiting for their code. */
    private void observe(long startedNanos, Set<String> reasonsSeen) {
        assertWithinBudget(startedNanos);
        agents().forEach(agent -> Optional.ofNullable(condition(agent, "Synthesized"))
                .ifPresent(synthesized -> reasonsSeen.add(synthesized.getReason())));
    }

    /** LLM calls so far never exceed what the namespace's token bucket could have granted since the start. */
    private void assertWithinBudget(long startedNanos) {
        long elapsed = System.nanoTime() - startedNanos;
        long granted = BURST + elapsed / REFILL.toNanos();
        assertThat((long) llm.requests().size())
                .as("LLM calls after %d ms", elapsed / 1_000_000)
                .isLessThanOrEqualTo(granted);
    }

    private long agentsWithCode() {
        return agents().stream()
                .filter(agent -> agent.getMetadata().getName().startsWith("writer-"))
                .filter(agent -> isTrue(agent, "CodeUpdated"))
                .count();
    }

    private List<LanguageAgent> agents() {
        return client.resources(LanguageAgent.class).inNamespace(NS).list().getItems();
    }

    private LanguageAgent agent(String name) {
        return client.resources(LanguageAgent.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }
}
