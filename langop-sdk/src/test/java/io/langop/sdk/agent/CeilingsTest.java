package io.langop.sdk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.agent.ConstraintViolationException.Kind;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer.Call;
import io.langop.sdk.llm.ScriptedOpenAiServer.ToolCalls;
import io.langop.wire.AgentEnv;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of a LanguageAgent's spec, as the operator passes them in the environment, stop real runs that the
 * agent's code alone would let go on: each test sets a limit in the spec that the code does not set or sets higher.
 */
class CeilingsTest {

    private static final ToolCalls SEARCH_AGAIN =
            new ToolCalls(List.of(new Call("web_search", "{\"query\":\"again\"}")), 5, 5);

    @TempDir
    Path workspace;

    @RegisterExtension
    final RunServers servers = RunServers.searchAnswering("{\"results\":[]}");

    @Test
    void theSpecTimeoutStopsARunTheCodeWouldLetContinue() throws Exception {
        servers.llm().thenToolCall("slow", "{\"x\":\"1\"}").thenText("done");
        long started = System.nanoTime();

        RunOutcome outcome =
                run(agent(c -> c.timeout(Duration.ofMinutes(10))), Map.of(AgentEnv.AGENT_TIMEOUT, "PT0.4S"));

        assertViolation(outcome, Kind.TIMEOUT, "the run exceeded its timeout of PT0.4S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theCodeTimeoutStaysWhenItIsStricterThanTheSpec() throws Exception {
        servers.llm().thenToolCall("slow", "{\"x\":\"1\"}").thenText("done");

        RunOutcome outcome = run(agent(c -> c.timeout(Duration.ofMillis(300))), Map.of(AgentEnv.AGENT_TIMEOUT, "10m"));

        assertViolation(outcome, Kind.TIMEOUT, "the run exceeded its timeout of PT0.3S");
    }

    @Test
    void theSpecMaxIterationsStopsAModelThatNeverStopsCallingTools() throws Exception {
        servers.llm().otherwise(SEARCH_AGAIN);

        RunOutcome outcome = run(agent(c -> c.maxIterations(40)), Map.of(AgentEnv.AGENT_MAX_ITERATIONS, "3"));

        assertViolation(outcome, Kind.MAX_ITERATIONS, "the run reached its limit of 3 LLM turns");
        assertThat(servers.llm().requests()).hasSize(3);
    }

    @Test
    void moreToolCallsInOneAnswerThanTheSpecAllowsStopTheRunBeforeAnyToolRuns() throws Exception {
        servers.llm()
                .then(new ToolCalls(
                        List.of(
                                new Call("web_search", "{\"query\":\"a\"}"),
                                new Call("web_search", "{\"query\":\"b\"}")),
                        5,
                        5));

        RunOutcome outcome = run(agent(c -> c), limits("{\"maxToolCallsPerIteration\":1}"));

        assertViolation(outcome, Kind.TOOL_CALLS, "the model asked for 2 tool calls in one iteration, the limit is 1");
        assertThat(servers.mcp().calls()).isEmpty();
    }

    @Test
    void aToolTheSpecBlocksIsNeverCalledWhetherTheModelOrAWorkflowStepAsks() throws Exception {
        servers.llm().thenToolCall("web_search", "{\"query\":\"a\"}");
        var workflowAgent = AgentDefinition.builder("w")
                .objective("x")
                .workflow(w -> w.step("search", s -> s.tool("web_search").param("query", "a")))
                .build();

        RunOutcome asked = run(agent(c -> c), limits("{\"blockedTools\":[\"web_search\"]}"));
        RunOutcome stepped = run(workflowAgent, limits("{\"blockedTools\":[\"web_search\"]}"));

        assertViolation(asked, Kind.TOOL_CALLS, "tool 'web_search' is blocked");
        assertViolation(stepped, Kind.TOOL_CALLS, "tool 'web_search' is blocked");
        assertThat(servers.mcp().calls()).isEmpty();
    }

    @Test
    void theSpecCostPerExecutionStopsTheRunAtTheModelsPrices() throws Exception {
        servers.llm().thenToolCall("web_search", "{\"query\":\"a\"}").thenText("done", 2000, 500);

        // 0.01 per 1000 prompt tokens, 0.03 per 1000 completion tokens: 15 + 5 tokens, then 2000 + 500
        RunOutcome outcome = run(
                agent(c -> c),
                limits(
                        "{\"maxCostPerExecution\":0.02,"
                                + "\"prices\":{\"inputPer1000Tokens\":0.01,\"outputPer1000Tokens\":0.03,\"currency\":\"EUR\"}}"));

        assertViolation(outcome, Kind.COST_BUDGET, "spent 0.0353 EUR, the limit per execution is 0.0200");
    }

    @Test
    void theSpecRequestsPerMinuteStopsTheRun() throws Exception {
        servers.llm().otherwise(SEARCH_AGAIN);

        RunOutcome outcome = run(agent(c -> c.requestsPerMinute(100)), limits("{\"requestsPerMinute\":2}"));

        assertViolation(outcome, Kind.RATE_LIMIT, "more than 2 LLM requests within one minute");
        assertThat(servers.llm().requests()).hasSize(2);
    }

    @Test
    void theSpecTokensPerMinuteStopsTheRun() throws Exception {
        servers.llm().otherwise(SEARCH_AGAIN); // 10 tokens a turn

        RunOutcome outcome = run(agent(c -> c), limits("{\"tokensPerMinute\":25}"));

        assertViolation(outcome, Kind.RATE_LIMIT, "more than 25 tokens within one minute");
        assertThat(servers.llm().requests()).hasSize(3);
    }

    @Test
    void theSpecToolCallsPerMinuteStopsTheRunBeforeTheCallOverTheLimit() throws Exception {
        servers.llm().otherwise(SEARCH_AGAIN);

        RunOutcome outcome = run(agent(c -> c), limits("{\"toolCallsPerMinute\":2}"));

        assertViolation(outcome, Kind.RATE_LIMIT, "more than 2 tool calls within one minute");
        assertThat(servers.mcp().calls()).hasSize(2);
    }

    @Test
    void aBlockedTopicOfTheSpecRefusesTheModelsOutputButNotThePersonaThatNamesIt() throws Exception {
        servers.llm().thenText("Buy ACME: my stock tips never fail");
        var agent = AgentDefinition.builder("advisor")
                .persona("You are a careful advisor. Never give stock tips.")
                .objective("Summarize the market")
                .build();

        RunOutcome outcome = run(agent, limits("{\"blockedTopics\":[\"stock tips\"]}"));

        assertViolation(outcome, Kind.BLOCKED_CONTENT, "output mentions blocked topic 'stock tips'");
        assertThat(servers.llm().requests()).hasSize(1); // the persona naming the topic did not stop the prompt
    }

    @Test
    void aCustomContentFilterOfTheSpecBlocksMatchingOutputAndAWarnFilterOnlyLogs() throws Exception {
        servers.llm().thenText("the ticket is INC-1234, the key is sk-abc");

        RunOutcome outcome = run(
                agent(c -> c),
                limits("{\"contentFilters\":[{\"type\":\"custom\",\"action\":\"warn\",\"pattern\":\"INC-\\\\d+\"},"
                        + "{\"type\":\"custom\",\"action\":\"block\",\"pattern\":\"sk-[a-z]+\"}]}"));

        assertViolation(outcome, Kind.BLOCKED_CONTENT, "output matches blocked pattern 'sk-[a-z]+'");
    }

    @Test
    void aWarnFilterAloneLetsTheRunSucceed() throws Exception {
        servers.llm().thenText("the ticket is INC-1234");

        RunOutcome outcome = run(
                agent(c -> c),
                limits("{\"contentFilters\":[{\"type\":\"custom\",\"action\":\"warn\",\"pattern\":\"INC-\\\\d+\"}]}"));

        assertThat(outcome).isInstanceOf(RunOutcome.Succeeded.class);
    }

    private static Map<String, String> limits(String json) {
        return Map.of(AgentEnv.AGENT_LIMITS, json);
    }

    private static AgentDefinition agent(UnaryOperator<Constraints.Builder> codeLimits) {
        return AgentDefinition.builder("news")
                .persona("You are terse.")
                .objective("Find Kubernetes CVEs")
                .constraints(codeLimits)
                .build();
    }

    /** Runs the agent held to the ceilings that {@code env} sets, read as the runtime reads them. */
    private RunOutcome run(AgentDefinition agent, Map<String, String> env) throws InterruptedException {
        Ceilings ceilings = AgentConfig.from(env).ceilings();
        var client = servers.llmClient("sk-test");
        return new AgentRunner(
                        agent.withConstraints(ceilings.applyTo(agent.constraints())),
                        client,
                        servers.tools(),
                        workspace,
                        Clock.system(ZoneOffset.UTC),
                        Duration.ofSeconds(2))
                .run();
    }

    private static void assertViolation(RunOutcome outcome, Kind kind, String reason) {
        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.ConstraintViolated.class, violated -> {
            assertThat(violated.violation().kind()).isEqualTo(kind);
            assertThat(violated.violation().getMessage()).endsWith(reason);
        });
    }
}
