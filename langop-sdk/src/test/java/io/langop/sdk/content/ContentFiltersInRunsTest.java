package io.langop.sdk.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.AgentRunner;
import io.langop.sdk.agent.ConstraintViolationException.Kind;
import io.langop.sdk.agent.RunOutcome;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.sdk.retry.Backoff;
import io.langop.wire.AgentEnv;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pii} and {@code profanity} content filters of a LanguageAgent's spec, as the operator passes them, over
 * real runs: what a tool reads in and what the model writes are checked, a blocking filter stops the run naming the
 * kind of data and never the data, a warning filter lets it go on.
 */
class ContentFiltersInRunsTest {

    private static final Backoff FAST = new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final String CARD = "4111 1111 1111 1111";

    @TempDir
    Path workspace;

    private ScriptedOpenAiServer llm;
    private TestMcpServer mcp;
    private McpTools tools;

    @BeforeEach
    void startServers() throws Exception {
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(TestTool.of("crm_lookup", "customer", args -> "Ada pays with card " + CARD));
        tools = McpTools.connect(List.of(mcp.url()), FAST, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopServers() {
        tools.close();
        mcp.close();
        llm.close();
    }

    @Test
    void aPiiFilterStopsTheRunWhenAToolResultCarriesACardNumberBeforeTheModelReadsIt() throws Exception {
        llm.thenToolCall("crm_lookup", "{\"customer\":\"ada\"}").thenText("Ada is a customer.");

        RunOutcome outcome = run("{\"contentFilters\":[{\"type\":\"pii\",\"action\":\"block\"}]}");

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.ConstraintViolated.class, violated -> {
            assertThat(violated.violation().kind()).isEqualTo(Kind.BLOCKED_CONTENT);
            assertThat(violated.violation().getMessage())
                    .endsWith("prompt contains a payment card number (content filter pii)")
                    .doesNotContain(CARD);
        });
        assertThat(llm.requests()).hasSize(1); // the second turn, which would carry the card, was never sent
    }

    @Test
    void aPiiFilterThatWarnsLetsTheRunSucceed() throws Exception {
        llm.thenToolCall("crm_lookup", "{\"customer\":\"ada\"}").thenText("Ada is a customer.");

        RunOutcome outcome = run("{\"contentFilters\":[{\"type\":\"pii\",\"action\":\"warn\"}]}");

        assertThat(outcome).isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(llm.requests()).hasSize(2);
    }

    @Test
    void aProfanityFilterStopsARunWhoseModelSwears() throws Exception {
        llm.thenText("This release is a bullshit mess.");

        RunOutcome outcome = run("{\"contentFilters\":[{\"type\":\"profanity\"}]}");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RunOutcome.ConstraintViolated.class,
                        violated -> assertThat(violated.violation().getMessage())
                                .endsWith("output contains profanity (content filter profanity)"));
    }

    private RunOutcome run(String limits) throws InterruptedException {
        var agent = AgentDefinition.builder("crm")
                .objective("Tell me about customer ada")
                .build();
        var ceilings = AgentConfig.from(Map.of(AgentEnv.AGENT_LIMITS, limits)).ceilings();
        var client = LlmClient.openAiCompatible(llm.baseUrl(), "sk-test", "test-model", Duration.ofSeconds(10), FAST);
        return new AgentRunner(
                        agent.withConstraints(ceilings.applyTo(agent.constraints())),
                        client,
                        tools,
                        workspace,
                        Clock.system(ZoneOffset.UTC))
                .run();
    }
}
