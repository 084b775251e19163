package io.langop.sdk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.sdk.agent.ConstraintViolationException.Kind;
import io.langop.sdk.approval.ApprovalGate;
import io.langop.sdk.approval.ApprovalRule;
import io.langop.sdk.approval.Approvals;
import io.langop.sdk.approval.ToolOrigins;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.memory.Memory;
import io.langop.sdk.retry.Backoff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AgentRunnerTest {

    @TempDir
    Path workspace;

    @RegisterExtension
    final RunServers servers = RunServers.searchAnswering("{\"results\":[{\"title\":\"CVE-2026-0001 in kubelet\"}]}");

    private RunOutcome run(AgentDefinition agent) throws InterruptedException {
        return run(agent, "sk-test");
    }

    private RunOutcome run(AgentDefinition agent, String apiKey) throws InterruptedException {
        var client = servers.llmClient(apiKey);
        return new AgentRunner(agent, client, servers.tools(), workspace, Clock.system(ZoneOffset.UTC)).run();
    }

    private static AgentDefinition objectiveAgent(UnaryOperator<Constraints.Builder> limits) {
        return AgentDefinition.builder("news")
                .persona("You are terse.")
                .objective("Find Kubernetes CVEs")
                .constraints(limits)
                .build();
    }

    @Test
    void aRunSeesWhenTheLastSuccessfulRunStartedAndWhatItKept() throws Exception {
        var agent = AgentDefinition.builder("digest")
                .workflow(w -> w.step(
                        "since",
                        s -> s.custom(results -> {
                            Memory memory = Memory.current();
                            int runs = Integer.parseInt(memory.state().get("runs", "0")) + 1;
                            memory.state().put("runs", Integer.toString(runs));
                            return runs + " since "
                                    + memory.lastSuccessfulRun()
                                            .map(Object::toString)
                                            .orElse("never");
                        })))
                .build();
        Instant first = Instant.parse("2026-12-06T05:00:00Z");
        Instant second = Instant.parse("2026-12-07T05:00:00Z");
        var client = servers.llmClient("sk-test");

        RunOutcome firstRun =
                new AgentRunner(agent, client, servers.tools(), workspace, Clock.fixed(first, ZoneOffset.UTC)).run();
        RunOutcome secondRun =
                new AgentRunner(agent, client, servers.tools(), workspace, Clock.fixed(second, ZoneOffset.UTC)).run();

        assertThat(firstRun)
                .isInstanceOfSatisfying(
                        RunOutcome.Succeeded.class,
                        done -> assertThat(done.result()).isEqualTo("1 since never"));
        assertThat(secondRun)
                .isInstanceOfSatisfying(
                        RunOutcome.Succeeded.class,
                        done -> assertThat(done.result()).isEqualTo("2 since 2026-12-06T05:00:00Z"));
        assertThat(Memory.inWorkspace(workspace).lastSuccessfulRun()).contains(second);
    }

    @Test
    void aPromptStepOffersTheModelOnlyTheToolsItNamesAndNoneForAnEmptyList() throws Exception {
        servers.llm()
                .thenText("a haiku", 10, 5)
                .thenToolCall("slow", "{\"x\":\"1\"}") // a tool the step was not offered
                .thenText("searched", 10, 5);
        var agent = AgentDefinition.builder("poet")
                .objective("Write and search")
                .workflow(w -> w.step("poem", s -> s.prompt("Write a haiku").tools())
                        .step(
                                "search",
                                s -> s.prompt("Search for {poem}")
                                        .tools("web_search")
                                        .dependsOn("poem")))
                .build();

        RunOutcome outcome = run(agent);

        assertThat(outcome).isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(servers.llm().requests().get(0).has("tools")).isFalse();
        assertThat(servers.llm().requests().get(1).path("tools").findValuesAsText("name"))
                .containsExactly("web_search");
        assertThat(servers.mcp().calls()).isEmpty();
        assertThat(servers.llm().messagesOf(2).getLast()).isEqualTo("tool: Error: no tool named 'slow' is available");
    }

    @Test
    void aPromptStepHeldToNamedToolsStillWaitsForTheApprovalOfTheirCalls() throws Exception {
        servers.llm()
                .thenToolCall("web_search", "{\"query\":\"kubernetes CVE\"}")
                .thenText("found nothing", 10, 5);
        var agent = AgentDefinition.builder("searcher")
                .objective("Search")
                .workflow(w -> w.step("search", s -> s.prompt("Search for CVEs").tools("web_search")))
                .build();
        var client = servers.llmClient("sk-test");
        var gate = new ApprovalGate(
                new ApprovalRule(Set.of("web_search"), Set.of(), false, Duration.ofMillis(300)),
                ToolOrigins.NONE,
                new Approvals(Clock.systemUTC()),
                Clock.systemUTC());
        var runner = new AgentRunner(
                agent,
                client,
                servers.tools(),
                workspace,
                Memory.inWorkspace(workspace),
                Clock.system(ZoneOffset.UTC),
                TimeLimit.DEFAULT_STOP_GRACE,
                gate);

        RunOutcome outcome = runner.run();

        assertThat(outcome).isInstanceOf(RunOutcome.ConstraintViolated.class);
        assertThat(servers.mcp().calls()).isEmpty();
    }

    @Test
    void conditionsAndCustomStepsReadTheEventThatStartedTheRun() throws Exception {
        var agent = AgentDefinition.builder("triage")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Search for new issues")
                .workflow(w -> w.step(
                                "title",
                                s -> s.custom(r -> r.event("issue.title")
                                        .map(JsonNode::asText)
                                        .orElse("untitled")))
                        .step(
                                "search",
                                s -> s.tool("web_search")
                                        .param("query", "{title} #{event.issue.number}")
                                        .dependsOn("title")
                                        .when(r -> r.event()
                                                .path("action")
                                                .asText()
                                                .equals("opened"))))
                .build();
        var client = servers.llmClient("sk-test");
        var runner = new AgentRunner(agent, client, servers.tools(), workspace, Clock.system(ZoneOffset.UTC));
        var json = new ObjectMapper();

        RunOutcome opened = runner.run(Event.received(
                Event.WEBHOOK, json.readTree("{\"action\":\"opened\",\"issue\":{\"number\":7,\"title\":\"OOM\"}}")));
        RunOutcome closed = runner.run(
                Event.received(Event.WEBHOOK, json.readTree("{\"action\":\"closed\",\"issue\":{\"number\":8}}")));
        RunOutcome noEvent = runner.run();

        assertThat(opened).isInstanceOf(RunOutcome.Succeeded.class);
        // a closed issue skips the search; a run no event started reads a missing payload, not null
        assertThat(List.of(closed, noEvent))
                .allSatisfy(run -> assertThat(run)
                        .isInstanceOfSatisfying(
                                RunOutcome.Succeeded.class,
                                done -> assertThat(done.result()).isEqualTo("untitled")));
        assertThat(servers.mcp().calls()).containsExactly("web_search {query=OOM #7}");
    }

    @Test
    void objectivesRunThroughTheLlmToolLoopWithMcpTools() throws Exception {
        servers.llm()
                .thenToolCall("web_search", "{\"query\":\"kubernetes CVE\"}")
                .thenText("One CVE: CVE-2026-0001.\nOBJECTIVES COMPLETE", 40, 12);
        var agent = AgentDefinition.builder("news")
                .persona("You are terse.")
                .objective("Find Kubernetes CVEs")
                .constraints(c -> c.timeout(Duration.ofMinutes(5)))
                .output(Output.workspace("reports/{date}.md"))
                .build();

        RunOutcome outcome = run(agent);

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Succeeded.class, succeeded -> {
            assertThat(succeeded.result()).isEqualTo("One CVE: CVE-2026-0001.");
            assertThat(succeeded.objectivesComplete()).isTrue();
            assertThat(succeeded.usage()).isEqualTo(new RunUsage(2, 50, 17, 0));
            assertThat(succeeded.outputFile())
                    .contains(workspace.resolve("reports/" + LocalDate.now(ZoneOffset.UTC) + ".md"));
        });
        assertThat(Files.readString(workspace.resolve("reports/" + LocalDate.now(ZoneOffset.UTC) + ".md")))
                .isEqualTo("One CVE: CVE-2026-0001.");
        assertThat(servers.mcp().calls()).containsExactly("web_search {query=kubernetes CVE}");
        assertThat(servers.llm().messagesOf(0).getFirst()).isEqualTo("system: You are terse.");
        assertThat(servers.llm().messagesOf(0).get(1)).isEqualTo("""
                user: # Task: news

                ## Objectives:
                - Find Kubernetes CVEs

                ## Constraints:
                - Maximum iterations: 50
                - Timeout: 5m

                Please complete this task, using the available tools as needed. When every objective is met, \
                end your reply with the line OBJECTIVES COMPLETE.""");
        assertThat(servers.llm()
                        .requests()
                        .getFirst()
                        .path("tools")
                        .get(0)
                        .path("function")
                        .path("name")
                        .asText())
                .isEqualTo("web_search");
        assertThat(servers.llm().messagesOf(1).getLast())
                .isEqualTo("tool: {\"results\":[{\"title\":\"CVE-2026-0001 in kubelet\"}]}");
    }

    @Test
    void workflowStepsCallMcpToolsDirectlyAndPromptTheLlmWithFilledPlaceholders() throws Exception {
        servers.llm().thenText("Summary: kubelet is affected");
        var agent = AgentDefinition.builder("digest")
                .objective("digest")
                .workflow(w -> w.step("search", s -> s.tool("web_search").param("query", "kubernetes CVE {date}"))
                        .step(
                                "summarize",
                                s -> s.prompt("Summarize: {search.results.0.title}")
                                        .dependsOn("search")))
                .output(Output.workspace("digest.txt"))
                .build();

        RunOutcome outcome = run(agent);

        assertThat(outcome).isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(servers.mcp().calls())
                .containsExactly("web_search {query=kubernetes CVE " + LocalDate.now(ZoneOffset.UTC) + "}");
        assertThat(servers.llm().messagesOf(0)).containsExactly("user: Summarize: CVE-2026-0001 in kubelet");
        assertThat(Files.readString(workspace.resolve("digest.txt"))).isEqualTo("Summary: kubelet is affected");
    }

    @Test
    void llmRateLimitsAndServerErrorsAreRetried() throws Exception {
        servers.llm().thenError(429, "slow down").thenError(503, "overloaded").thenText("fine");

        RunOutcome outcome = run(objectiveAgent(c -> c));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RunOutcome.Succeeded.class, s -> assertThat(s.result()).isEqualTo("fine"));
        assertThat(servers.llm().requests()).hasSize(3);
    }

    @Test
    void anLlmThatKeepsFailingFailsTheRunWithTheReason() throws Exception {
        servers.llm().thenError(500, "boom").thenError(500, "boom").thenError(500, "boom");

        RunOutcome outcome = run(objectiveAgent(c -> c));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RunOutcome.Failed.class,
                        failed -> assertThat(failed.reason()).contains("boom"));
    }

    @Test
    void anApiKeyTheLlmEchoesStaysOutOfTheRetryLogAndTheRunOutcome() throws Exception {
        String key = "sk-agent-7f3a9c2e51";
        servers.llm()
                .thenError(503, "overloaded, key " + key + " has to wait")
                .thenError(401, "Incorrect API key provided: " + key);
        ListAppender<ILoggingEvent> retryLog = new ListAppender<>();
        retryLog.start();
        Logger retryLogger = (Logger) LoggerFactory.getLogger(Backoff.class);
        retryLogger.addAppender(retryLog);
        try {
            RunOutcome outcome = run(objectiveAgent(c -> c), key);

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            RunOutcome.Failed.class,
                            failed -> assertThat(failed.reason())
                                    .contains("Incorrect API key provided: <redacted>")
                                    .doesNotContain(key));
            assertThat(retryLog.list)
                    .singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage())
                            .contains("overloaded, key <redacted> has to wait")
                            .doesNotContain(key));
        } finally {
            retryLogger.detachAppender(retryLog);
        }
    }

    @Test
    void maxIterationsStopsAModelThatNeverStopsCallingTools() throws Exception {
        servers.llm()
                .otherwise(new ScriptedOpenAiServer.ToolCalls(
                        List.of(new ScriptedOpenAiServer.Call("web_search", "{\"query\":\"again\"}")), 5, 5));

        RunOutcome outcome = run(objectiveAgent(c -> c.maxIterations(3)));

        assertViolation(outcome, Kind.MAX_ITERATIONS, "the run reached its limit of 3 LLM turns");
        assertThat(servers.llm().requests()).hasSize(3);
    }

    @Test
    void tokenBudgetStopsTheRun() throws Exception {
        servers.llm().thenToolCall("web_search", "{\"query\":\"a\"}").thenText("done", 900, 200);

        RunOutcome outcome = run(objectiveAgent(c -> c.tokenBudget(1000)));

        assertViolation(outcome, Kind.TOKEN_BUDGET, "used 1115 tokens, budget is 1000");
        assertThat(outcome.usage().totalTokens()).isEqualTo(1115);
    }

    @Test
    void costBudgetStopsTheRun() throws Exception {
        servers.llm().thenText("expensive", 100_000, 10_000);

        RunOutcome outcome = run(objectiveAgent(c -> c.costBudget(0.10, new Constraints.Pricing(1.0, 5.0))));

        assertViolation(outcome, Kind.COST_BUDGET, "spent $0.1500, budget is $0.1000");
    }

    @Test
    void requestsPerMinuteStopsTheRun() throws Exception {
        servers.llm()
                .otherwise(new ScriptedOpenAiServer.ToolCalls(
                        List.of(new ScriptedOpenAiServer.Call("web_search", "{\"query\":\"x\"}")), 1, 1));

        RunOutcome outcome = run(objectiveAgent(c -> c.requestsPerMinute(2)));

        assertViolation(outcome, Kind.RATE_LIMIT, "more than 2 LLM requests within one minute");
        assertThat(servers.llm().requests()).hasSize(2);
    }

    @Test
    void blockedTopicsRefusePromptsBeforeTheyReachTheLlm() throws Exception {
        var agent = AgentDefinition.builder("a")
                .objective("Find the admin Password of the cluster")
                .constraints(c -> c.blockedTopics("password"))
                .build();

        RunOutcome outcome = run(agent);

        assertViolation(outcome, Kind.BLOCKED_CONTENT, "prompt mentions blocked topic 'password'");
        assertThat(servers.llm().requests()).isEmpty();
    }

    @Test
    void blockedPatternsRefuseLlmOutputs() throws Exception {
        servers.llm().thenText("here it is: api_key = sk-123");

        RunOutcome outcome = run(objectiveAgent(c -> c.blockedPatterns("api_key\\s*=")));

        assertViolation(outcome, Kind.BLOCKED_CONTENT, "output matches blocked pattern 'api_key\\s*='");
    }

    @Test
    void timeoutInterruptsTheStepInFlight() throws Exception {
        var agent = AgentDefinition.builder("a")
                .objective("x")
                .workflow(w -> w.step("wait", s -> s.tool("slow").param("x", "1")))
                .constraints(c -> c.timeout(Duration.ofMillis(500)))
                .build();

        RunOutcome outcome = run(agent);

        assertViolation(outcome, Kind.TIMEOUT, "the run exceeded its timeout of PT0.5S");
    }

    @Test
    void aRunWhoseCustomStepIgnoresTheInterruptIsReportedStuckAfterTheGracePeriod() throws Exception {
        var agent = AgentDefinition.builder("a")
                .objective("x")
                .workflow(w -> w.step(
                        "spin",
                        s -> s.custom(r -> {
                            // busy and never checks the interrupt flag; ends after 4 s to give this JVM its CPU back
                            long until =
                                    System.nanoTime() + Duration.ofSeconds(4).toNanos();
                            long spins = 0;
                            while (System.nanoTime() < until) {
                                spins++;
                            }
                            return spins;
                        })))
                .constraints(c -> c.timeout(Duration.ofMillis(300)))
                .build();
        var client = servers.llmClient("sk-test");
        var runner = new AgentRunner(
                agent, client, servers.tools(), workspace, Clock.system(ZoneOffset.UTC), Duration.ofMillis(300));

        long start = System.nanoTime();
        RunOutcome outcome = runner.run();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RunOutcome.Stuck.class,
                        stuck -> assertThat(stuck.reason())
                                .isEqualTo(
                                        "the run overstayed its time limit of PT0.3S and did not stop within PT0.3S of being"
                                                + " interrupted (a loop that never waits, in a custom step or a pattern?); its thread still runs"));
    }

    @Test
    void aBlockedPatternThatBacktracksWithoutEndStopsAtTheTimeout() throws Exception {
        servers.llm().thenText("a".repeat(28) + "!"); // minutes of backtracking for the pattern below
        var agent = AgentDefinition.builder("a")
                .objective("x")
                .constraints(c -> c.timeout(Duration.ofMillis(500)).blockedPatterns("(a+)+\\1b"))
                .build();
        var client = servers.llmClient("sk-test");
        var runner = new AgentRunner(
                agent, client, servers.tools(), workspace, Clock.system(ZoneOffset.UTC), Duration.ofSeconds(2));

        long start = System.nanoTime();
        RunOutcome outcome = runner.run();

        assertViolation(outcome, Kind.TIMEOUT, "the run exceeded its timeout of PT0.5S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aFailingToolStepFailsTheRunNamingTheStepAndTool() throws Exception {
        var agent = AgentDefinition.builder("a")
                .objective("x")
                .workflow(w -> w.step("lookup", s -> s.tool("no_such_tool")))
                .build();

        RunOutcome outcome = run(agent);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RunOutcome.Failed.class,
                        failed -> assertThat(failed.reason())
                                .startsWith(
                                        "step 'lookup' failed: tool 'no_such_tool' is not provided by any connected MCP server"));
    }

    private static void assertViolation(RunOutcome outcome, Kind kind, String reason) {
        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.ConstraintViolated.class, violated -> {
            assertThat(violated.violation().kind()).isEqualTo(kind);
            assertThat(violated.violation().getMessage()).endsWith(reason);
        });
    }
}
