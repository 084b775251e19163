package io.langop.sdk.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.sdk.approval.ApprovalGate;
import io.langop.sdk.approval.ApprovalGatedTools;
import io.langop.sdk.approval.CallApproval;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ToolExecutor;
import io.langop.sdk.llm.ToolLoop;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.memory.Memory;
import io.langop.sdk.memory.MemoryUnavailableException;
import io.langop.sdk.metrics.CallTimings;
import io.langop.sdk.workflow.Placeholders;
import io.langop.sdk.workflow.StepExecutor;
import io.langop.sdk.workflow.StepResult;
import io.langop.sdk.workflow.StepResults;
import io.langop.sdk.workflow.WorkflowEngine;
import io.langop.sdk.workflow.WorkflowResult;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.trace.Traces;
import io.opentelemetry.api.trace.SpanKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes one run of an agent: its workflow when it has one, otherwise its objectives through the LLM
 * tool loop; then writes the result to the workspace output. Every LLM turn of the run goes through one
 * {@link ConstraintGuard}, and the run's timeout interrupts whatever is in flight ({@link TimeLimit}; a run
 * that does not stop then is {@link RunOutcome.Stuck}).
 */
public final class AgentRunner {

    /** The line an LLM ends its answer with when every objective is met (autonomous mode stops then). */
    public static final String COMPLETION_MARKER = "OBJECTIVES COMPLETE";

    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentDefinition agent;
    private final LlmClient llm;
    private final McpTools tools;
    private final Path workspace;
    private final Memory memory;
    private final Clock clock;
    private final TimeLimit timeLimit;
    private final AgentRates rates = new AgentRates();
    private final ApprovalGate approvals;
    private final CallTimings timings;

    public AgentRunner(AgentDefinition agent, LlmClient llm, McpTools tools, Path workspace, Clock clock) {
        this(agent, llm, tools, workspace, clock, TimeLimit.DEFAULT_STOP_GRACE);
    }

    /** With the default memory: files under {@code workspace}. */
    public AgentRunner(
            AgentDefinition agent, LlmClient llm, McpTools tools, Path workspace, Clock clock, Duration stopGrace) {
        this(agent, llm, tools, workspace, Memory.inWorkspace(workspace), clock, stopGrace, ApprovalGate.none());
    }

    /**
     * @param memory where the agent's memory is kept; {@link Memory#current()} from now on
     * @param stopGrace how long a run that overstayed its timeout gets to stop once interrupted
     * @param approvals holds the tool calls a person must approve
     */
    public AgentRunner(
            AgentDefinition agent,
            LlmClient llm,
            McpTools tools,
            Path workspace,
            Memory memory,
            Clock clock,
            Duration stopGrace,
            ApprovalGate approvals) {
        this(agent, llm, tools, workspace, memory, clock, stopGrace, approvals, CallTimings.NONE);
    }

    /** @param timings receives how long each run took, while its span is current */
    public AgentRunner(
            AgentDefinition agent,
            LlmClient llm,
            McpTools tools,
            Path workspace,
            Memory memory,
            Clock clock,
            Duration stopGrace,
            ApprovalGate approvals,
            CallTimings timings) {
        this.timings = timings;
        this.agent = agent;
        this.approvals = approvals;
        this.llm = llm;
        this.tools = tools;
        this.workspace = workspace;
        this.memory = memory;
        this.clock = clock;
        this.timeLimit = new TimeLimit(agent.constraints().timeout(), stopGrace);
        Workspace.use(workspace);
        Memory.use(memory);
    }

    public AgentDefinition agent() {
        return agent;
    }

    /** Runs once, started by no event (a schedule, an autonomous cycle, a run-once). */
    public RunOutcome run() throws InterruptedException {
        return run(Optional.empty());
    }

    /** Runs once for {@code event}, whose payload the run sees as {@code {event}} ({@link Event}). */
    public RunOutcome run(Event event) throws InterruptedException {
        return run(Optional.of(event));
    }

    private RunOutcome run(Optional<Event> trigger) throws InterruptedException {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        ConstraintGuard guard = new ConstraintGuard(agent.constraints(), clock, rates);
        try (var agentName = MDC.putCloseable("agent", agent.name());
                var run = MDC.putCloseable("run", runId);
                // no "event" key at all in runs no event started (try-with-resources skips a null resource)
                var eventId = trigger.map(started -> MDC.putCloseable("event", started.id()))
                        .orElse(null);
                SpanScope span = SpanScope.start(Traces.span("run " + agent.name(), SpanKind.INTERNAL)
                        .setAttribute(TraceAttributes.AGENT, agent.name())
                        .setAttribute(TraceAttributes.RUN, runId))) {
            long started = System.nanoTime();
            RunOutcome outcome = runTraced(runId, guard, trigger);
            timings.run(outcome.kind(), System.nanoTime() - started);
            span.span().setAttribute(TraceAttributes.RUN_OUTCOME, outcome.kind());
            if (!(outcome instanceof RunOutcome.Succeeded)) {
                span.fail(outcome.kind(), outcome.reason());
            }
            return outcome;
        }
    }

    private RunOutcome runTraced(String runId, ConstraintGuard guard, Optional<Event> trigger)
            throws InterruptedException {
        trigger.ifPresentOrElse(
                started -> LOG.info("Run started by {} event {}", started.source(), started.id()),
                () -> LOG.info("Run started"));
        JsonNode event = trigger.map(Event::payload).orElse(null);
        ZonedDateTime startedAt = ZonedDateTime.now(clock);
        try {
            Succeeded result = timeLimit.call(
                    "run-" + agent.name(),
                    () -> {
                        Succeeded done = execute(guard, event, approvals.forRun(runId, guard.deadline()));
                        guard.checkContent("output", done.text()); // a blocked pattern is bounded too
                        return done;
                    },
                    guard::timeoutViolation);
            Optional<Path> outputFile = writeOutput(result.text(), startedAt);
            recordSuccess(startedAt);
            LOG.info(
                    "Run succeeded ({} LLM requests, {} tokens)",
                    guard.usage().llmRequests(),
                    guard.usage().totalTokens());
            return new RunOutcome.Succeeded(runId, result.text(), result.complete(), outputFile, guard.usage());
        } catch (ConstraintViolationException violation) {
            LOG.error("Run stopped: {}", violation.getMessage());
            return new RunOutcome.ConstraintViolated(runId, violation, guard.usage());
        } catch (RunStuckException stuck) {
            LOG.error("Run stuck: it {}", stuck.getMessage());
            return new RunOutcome.Stuck(runId, "the run " + stuck.getMessage(), guard.usage());
        } catch (InterruptedException interrupted) {
            throw interrupted;
        } catch (Exception failure) {
            ConstraintViolationException violation = findViolation(failure);
            if (violation != null) {
                LOG.error("Run stopped: {}", violation.getMessage());
                return new RunOutcome.ConstraintViolated(runId, violation, guard.usage());
            }
            LOG.error("Error executing task: {}", failure.getMessage());
            return new RunOutcome.Failed(runId, failure.getMessage(), guard.usage());
        }
    }

    private record Succeeded(String text, boolean complete) {}

    private Succeeded execute(ConstraintGuard guard, JsonNode event, CallApproval approval) throws Exception {
        ToolExecutor gated = new ApprovalGatedTools(tools, approval);
        ToolLoop loop = new ToolLoop(llm, gated, guard);
        if (agent.workflow().isEmpty()) {
            String answer = loop.ask(agent.persona(), objectivesPrompt(event));
            boolean complete = answer.strip().endsWith(COMPLETION_MARKER);
            String text = complete
                    ? answer.strip()
                            .substring(0, answer.strip().length() - COMPLETION_MARKER.length())
                            .strip()
                    : answer;
            return new Succeeded(text, complete);
        }
        StepExecutor steps = new StepExecutor() {
            @Override
            public StepResult callTool(String tool, Map<String, Object> arguments) throws InterruptedException {
                guard.checkDeadline();
                guard.checkTool(tool);
                approval.check(tool, JSON.valueToTree(arguments)); // a run's call is approved, or the run stops
                return tools.call(tool, arguments);
            }

            @Override
            public String prompt(String prompt, Optional<Set<String>> allowedTools) throws InterruptedException {
                ToolLoop restricted = allowedTools
                        .map(names -> new ToolLoop(llm, ToolExecutor.only(gated, names), guard))
                        .orElse(loop);
                return restricted.ask(agent.persona(), prompt);
            }
        };
        Map<String, JsonNode> inputs = event == null ? Map.of() : Map.of(Placeholders.EVENT, event);
        WorkflowResult result = new WorkflowEngine(steps, clock).run(agent.workflow(), inputs);
        return new Succeeded(result.finalText(), true);
    }

    /** The task prompt of the original runtime (§1.9.3 of the reference), plus the completion protocol. */
    private String objectivesPrompt(JsonNode event) {
        StringBuilder prompt = new StringBuilder("# Task: ")
                .append(agent.description().isBlank() ? agent.name() : agent.description())
                .append("\n\n## Objectives:\n");
        agent.objectives()
                .forEach(objective -> prompt.append("- ").append(objective).append('\n'));
        if (event != null) {
            prompt.append("\n## Event:\n").append(StepResults.render(event)).append('\n');
        }
        prompt.append("\n## Constraints:\n- Maximum iterations: ")
                .append(agent.constraints().maxIterations())
                .append('\n');
        agent.constraints()
                .timeout()
                .ifPresent(timeout ->
                        prompt.append("- Timeout: ").append(humane(timeout)).append('\n'));
        return prompt.append(
                        "\nPlease complete this task, using the available tools as needed. When every objective is met, end your reply with the line ")
                .append(COMPLETION_MARKER)
                .append('.')
                .toString();
    }

    private static String humane(Duration duration) {
        return duration.toSecondsPart() == 0 ? duration.toMinutes() + "m" : duration.toSeconds() + "s";
    }

    private Optional<Path> writeOutput(String text, ZonedDateTime startedAt) throws java.io.IOException {
        Optional<Path> file = agent.output().resolve(workspace, startedAt);
        if (file.isPresent()) {
            Files.createDirectories(file.get().getParent());
            Files.writeString(file.get(), text);
            LOG.info("Wrote result to {}", file.get());
        }
        return file;
    }

    /** The run's result is out; a store that stays down only costs the next run its "since the last run". */
    private void recordSuccess(ZonedDateTime startedAt) {
        try {
            memory.recordSuccessfulRun(startedAt.toInstant());
        } catch (MemoryUnavailableException down) {
            LOG.error("The run succeeded but its time was not recorded: {}", down.getMessage());
        }
    }

    private static ConstraintViolationException findViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation;
            }
        }
        return null;
    }
}
