package io.langop.sdk.agent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.langop.sdk.agent.ConstraintViolationException.Kind;
import io.langop.sdk.content.ContentCheck;
import io.langop.sdk.llm.TurnObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces a run's {@link Constraints} at every LLM turn. Shared by all steps of a run (parallel steps
 * count against the same budgets), hence synchronized. Throws {@link ConstraintViolationException}.
 */
public final class ConstraintGuard implements TurnObserver {

    private static final Logger LOG = LoggerFactory.getLogger(ConstraintGuard.class);

    private final Constraints constraints;
    private final Clock clock;
    private final Optional<Instant> deadline;
    private final AgentRates rates;
    private final IdentityHashMap<ChatMessage, Boolean> checkedMessages = new IdentityHashMap<>();
    private int requests;
    private long inputTokens;
    private long outputTokens;

    /** A guard whose per-minute limits count this run alone. */
    public ConstraintGuard(Constraints constraints, Clock clock) {
        this(constraints, clock, new AgentRates());
    }

    /** @param rates what the agent's other runs used in the last minute, which this run's rate limits count too */
    public ConstraintGuard(Constraints constraints, Clock clock, AgentRates rates) {
        this.constraints = constraints;
        this.rates = rates;
        this.clock = clock;
        this.deadline = constraints.timeout().map(clock.instant()::plus);
    }

    @Override
    public synchronized void beforeTurn(List<ChatMessage> messages) {
        checkDeadline();
        for (ChatMessage message : messages) {
            if (checkedMessages.put(message, Boolean.TRUE) == null) {
                checkContent("prompt", textOf(message));
            }
        }
        if (requests >= constraints.maxIterations()) {
            throw new ConstraintViolationException(
                    Kind.MAX_ITERATIONS, "the run reached its limit of " + constraints.maxIterations() + " LLM turns");
        }
        Instant now = clock.instant();
        if (!rates.requests.tryAdd(now, 1, constraints.requestsPerMinute())) {
            throw new ConstraintViolationException(
                    Kind.RATE_LIMIT,
                    "more than " + constraints.requestsPerMinute() + " LLM requests within one minute");
        }
        requests++;
    }

    @Override
    public synchronized void afterTurn(ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        long turnTokens = 0;
        if (usage != null) {
            long input = usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            long output = usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
            inputTokens += input;
            outputTokens += output;
            turnTokens = input + output;
        }
        Instant now = clock.instant();
        long minuteTokens = rates.tokens.add(now, turnTokens);
        if (constraints.tokensPerMinute() > 0 && minuteTokens > constraints.tokensPerMinute()) {
            throw new ConstraintViolationException(
                    Kind.RATE_LIMIT, "more than " + constraints.tokensPerMinute() + " tokens within one minute");
        }
        checkToolCalls(response.aiMessage(), now);
        if (constraints.tokenBudget() > 0 && inputTokens + outputTokens > constraints.tokenBudget()) {
            throw new ConstraintViolationException(
                    Kind.TOKEN_BUDGET,
                    "used " + (inputTokens + outputTokens) + " tokens, budget is " + constraints.tokenBudget());
        }
        double cost = cost();
        if (constraints.costBudgetUsd() > 0 && cost > constraints.costBudgetUsd()) {
            throw new ConstraintViolationException(
                    Kind.COST_BUDGET,
                    String.format(Locale.ROOT, "spent $%.4f, budget is $%.4f", cost, constraints.costBudgetUsd()));
        }
        if (constraints.costCeiling().isPresent()) {
            Constraints.CostLimit ceiling = constraints.costCeiling().get();
            double spent = ceiling.pricing().cost(inputTokens, outputTokens);
            if (spent > ceiling.max()) {
                throw new ConstraintViolationException(
                        Kind.COST_BUDGET,
                        String.format(
                                Locale.ROOT,
                                "spent %.4f %s, the limit per execution is %.4f",
                                spent,
                                ceiling.currency(),
                                ceiling.max()));
            }
        }
        checkedMessages.put(response.aiMessage(), Boolean.TRUE);
        checkContent("output", response.aiMessage().text());
        checkDeadline();
    }

    /**
     * Refuses an answer that asks for more tool calls than one iteration may make, or than the minute allows,
     * before any of them runs.
     */
    private void checkToolCalls(AiMessage answer, Instant now) {
        int calls = answer.hasToolExecutionRequests()
                ? answer.toolExecutionRequests().size()
                : 0;
        if (calls > 0) {
            answer.toolExecutionRequests().forEach(call -> checkTool(call.name()));
        }
        if (calls > constraints.maxToolCallsPerIteration()) {
            throw new ConstraintViolationException(
                    Kind.TOOL_CALLS,
                    "the model asked for " + calls + " tool calls in one iteration, the limit is "
                            + constraints.maxToolCallsPerIteration());
        }
        if (!rates.toolCalls.tryAdd(now, calls, constraints.toolCallsPerMinute())) {
            throw new ConstraintViolationException(
                    Kind.RATE_LIMIT, "more than " + constraints.toolCallsPerMinute() + " tool calls within one minute");
        }
    }

    /** Refuses a call of a tool the run may never call. */
    public void checkTool(String name) {
        if (constraints.blockedTools().contains(name)) {
            throw new ConstraintViolationException(Kind.TOOL_CALLS, "tool '" + name + "' is blocked");
        }
    }

    /** Refuses text that mentions a blocked topic or matches a blocked pattern; logs one matching a flagged pattern. */
    public void checkContent(String what, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String topic : constraints.blockedTopics()) {
            if (lower.contains(topic.toLowerCase(Locale.ROOT))) {
                throw new ConstraintViolationException(
                        Kind.BLOCKED_CONTENT, what + " mentions blocked topic '" + topic + "'");
            }
        }
        for (Pattern pattern : constraints.blockedPatterns()) {
            if (pattern.matcher(new InterruptibleText(text)).find()) {
                throw new ConstraintViolationException(
                        Kind.BLOCKED_CONTENT, what + " matches blocked pattern '" + pattern + "'");
            }
        }
        for (Pattern pattern : constraints.flaggedPatterns()) {
            if (pattern.matcher(new InterruptibleText(text)).find()) {
                LOG.warn("The {} matches content filter '{}'", what, pattern);
            }
        }
        for (ContentCheck check : constraints.contentChecks()) {
            Optional<String> found = check.detector().firstIn(new InterruptibleText(text));
            if (found.isEmpty()) {
                continue;
            }
            String filter = check.detector().filterType();
            if (check.blocks()) {
                throw new ConstraintViolationException(
                        Kind.BLOCKED_CONTENT, what + " contains " + found.get() + " (content filter " + filter + ")");
            }
            LOG.warn("The {} contains {} (content filter {})", what, found.get(), filter);
        }
    }

    /** When the run's time is up, if it has a timeout. */
    public Optional<Instant> deadline() {
        return deadline;
    }

    public synchronized void checkDeadline() {
        if (deadline.isPresent() && clock.instant().isAfter(deadline.get())) {
            throw timeoutViolation();
        }
    }

    public ConstraintViolationException timeoutViolation() {
        return new ConstraintViolationException(
                Kind.TIMEOUT,
                "the run exceeded its timeout of " + constraints.timeout().orElseThrow());
    }

    public synchronized RunUsage usage() {
        return new RunUsage(requests, inputTokens, outputTokens, cost());
    }

    private double cost() {
        return constraints.pricing().cost(inputTokens, outputTokens);
    }

    /**
     * Text that a regular expression reads through {@link #charAt}, which gives up once the thread is
     * interrupted: a pattern that backtracks catastrophically on hostile input (say {@code (a+)+$}) then
     * stops at the run's timeout instead of spinning on.
     */
    private record InterruptibleText(CharSequence text) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted while matching a content filter");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new InterruptibleText(text.subSequence(start, end));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static String textOf(ChatMessage message) {
        return switch (message) {
            case UserMessage user ->
                user.hasSingleText() ? user.singleText() : user.contents().toString();
            case ToolExecutionResultMessage toolResult -> toolResult.text();
            case AiMessage ai -> ai.text();
            // a system message is the persona, written with the agent: it may name the very topics it refuses
            default -> "";
        };
    }
}
