package io.langop.agent.runtime;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.AgentRates;
import io.langop.sdk.agent.ConstraintGuard;
import io.langop.sdk.agent.ConstraintViolationException;
import io.langop.sdk.agent.RunUsage;
import io.langop.sdk.agent.TimeLimit;
import io.langop.sdk.approval.Approval;
import io.langop.sdk.approval.ApprovalGate;
import io.langop.sdk.approval.ApprovalGatedTools;
import io.langop.sdk.approval.ApprovalPendingException;
import io.langop.sdk.approval.CallApproval;
import io.langop.sdk.content.ContentCheck;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ToolExecutor;
import io.langop.sdk.llm.ToolLoop;
import io.langop.sdk.memory.ChatTurn;
import io.langop.sdk.memory.ConversationStore;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.trace.Traces;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One chat turn of the interactive mode: the client's conversation, preceded by the agent's persona,
 * through the tool loop with the agent's tools; each request is held to the agent's constraints, its
 * timeout included, and the per-minute limits count every request the agent served. A request naming a
 * session gets the session's stored history before its own messages, and both its messages and the answer
 * are stored after it, so the conversation outlives the agent process.
 */
final class AgentChat {

    /**
     * The answer; {@code pending} is the approval it waits for, when a tool call needs a person's decision;
     * {@code toolCalls} the calls the agent ran for it, oldest first.
     */
    record Reply(String text, RunUsage usage, Optional<Approval> pending, List<ToolCallReport> toolCalls) {}

    /** Where an answer goes while it is written: the model's text, and each tool call as it starts and ends. */
    interface Stream {
        void text(String piece);

        void toolCall(ToolCallReport call);
    }

    /** What the model answered, or the approval the turn stopped at. */
    private record Answer(String text, Optional<Approval> pending) {}

    private final AgentDefinition agent;
    private final LlmClient llm;
    private final ToolExecutor tools;
    private final CallApproval approval;
    private final ConversationStore conversations;
    private final TimeLimit timeLimit;
    private final AgentRates rates = new AgentRates();
    private final AgentMeters meters;
    private final RunReporter reporter;

    AgentChat(
            AgentDefinition agent,
            LlmClient llm,
            ToolExecutor tools,
            ConversationStore conversations,
            Duration stopGrace,
            ApprovalGate approvals,
            AgentMeters meters,
            RunReporter reporter) {
        this.meters = meters;
        this.reporter = reporter;
        this.agent = agent;
        this.llm = llm;
        this.tools = tools;
        this.approval = approvals.forChat();
        this.conversations = conversations;
        this.timeLimit = new TimeLimit(agent.constraints().timeout(), stopGrace);
    }

    /**
     * Whether text can go to the client as the model writes it: not when content filters are set,
     * since they must see the whole answer before any of it leaves.
     */
    boolean canStream() {
        return agent.constraints().blockedTopics().isEmpty()
                && agent.constraints().blockedPatterns().isEmpty()
                && agent.constraints().contentChecks().stream().noneMatch(ContentCheck::blocks);
    }

    /**
     * A request whose model asks for a tool call that needs a person's approval ends with an answer saying so (also
     * handed to {@code stream}), which the client shows like any other answer.
     *
     * @param session the conversation's id in memory, or empty when the client sends the whole conversation
     * @param stream receives the answer while it is written, or null to get it only at the end
     * @throws io.langop.sdk.agent.RunStuckException when the request overstayed the agent's timeout and
     *     did not stop; the process must end
     * @throws io.langop.sdk.memory.MemoryUnavailableException when the session's history could not be read or
     *     the exchange not stored
     */
    Reply reply(Optional<String> session, List<ChatMessage> conversation, Stream stream) throws InterruptedException {
        List<ChatMessage> messages = new ArrayList<>();
        if (!agent.persona().isBlank()) {
            messages.add(SystemMessage.from(agent.persona()));
        }
        session.ifPresent(id -> conversations.history(id).forEach(turn -> messages.add(message(turn))));
        messages.addAll(conversation);
        ConstraintGuard guard = new ConstraintGuard(agent.constraints(), Clock.systemUTC(), rates);
        // the server side of a chat request: one trace per turn, the model and tool calls its children
        try (SpanScope span = SpanScope.start(Traces.span("chat_turn " + agent.name(), SpanKind.SERVER)
                .setAttribute(TraceAttributes.AGENT, agent.name()))) {
            long started = System.nanoTime();
            String outcome = "failed";
            // the calls are told as they run, under the approval gate: a call that waits for a person is not run, one
            // a person denied is told as denied
            ReportedTools reported = new ReportedTools(tools, stream == null ? call -> {} : stream::toolCall);
            RuntimeException failed = null;
            try {
                Answer answer = answer(
                        messages,
                        new ApprovalGatedTools(reported, approval, reported::denied),
                        guard,
                        stream == null ? null : stream::text);
                String text = answer.text();
                if (session.isPresent()) {
                    List<ChatTurn> exchange = new ArrayList<>();
                    conversation.forEach(message -> exchange.add(turn(message)));
                    exchange.add(ChatTurn.assistant(text));
                    conversations.append(session.get(), exchange);
                }
                outcome = "answered";
                return new Reply(text, guard.usage(), answer.pending(), reported.ended());
            } catch (InterruptedException | RuntimeException failure) {
                span.fail(failure);
                if (failure instanceof ConstraintViolationException) {
                    outcome = "refused";
                } else if (failure instanceof RuntimeException unexpected) {
                    failed = unexpected;
                }
                throw failure;
            } finally {
                // inside the turn's span: the histogram's exemplar is this turn
                meters.chatTurn(outcome, guard.usage(), System.nanoTime() - started);
                report(outcome, failed);
            }
        }
    }

    /**
     * A turn is a run of the agent's code for the proxy's counts, and so for the operator's rollback of new code
     * whose first runs fail: an answered turn succeeded, a turn that threw failed. A turn a limit refused (blocked
     * content, a rate, a denied approval, the time or iterations a question took) is not reported: what the user
     * asked decides those as much as the code does. Nor is an interrupted one (the client or the process left).
     */
    private void report(String outcome, RuntimeException failed) {
        if (outcome.equals("answered")) {
            reporter.reportLater("succeeded", true, null);
        } else if (failed != null) {
            reporter.reportLater(
                    "failed",
                    false,
                    failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage());
        }
    }

    /** The model's answer, or, when a tool call waits for a person, the answer saying so. */
    private Answer answer(
            List<ChatMessage> messages, ToolExecutor tools, ConstraintGuard guard, Consumer<String> onText)
            throws InterruptedException {
        try {
            String text = timeLimit.call(
                    "chat-" + agent.name(),
                    () -> {
                        String answer = new ToolLoop(llm, tools, guard)
                                .complete(messages, onText)
                                .text();
                        guard.checkContent("output", answer);
                        return answer;
                    },
                    guard::timeoutViolation);
            return new Answer(text, Optional.empty());
        } catch (ApprovalPendingException pending) {
            if (onText != null) {
                onText.accept(pending.answer());
            }
            return new Answer(pending.answer(), Optional.of(pending.approval()));
        } catch (InterruptedException | RuntimeException failure) {
            throw failure;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected); // the tool loop throws nothing else checked
        }
    }

    private static ChatMessage message(ChatTurn turn) {
        return switch (turn.role()) {
            case "user" -> UserMessage.from(turn.text());
            case "assistant" -> AiMessage.from(turn.text());
            default -> SystemMessage.from(turn.text());
        };
    }

    /** The request's messages are plain text (the servlet accepts nothing else). */
    private static ChatTurn turn(ChatMessage message) {
        return switch (message) {
            case UserMessage user -> ChatTurn.user(user.singleText());
            case AiMessage assistant -> ChatTurn.assistant(assistant.text() == null ? "" : assistant.text());
            case SystemMessage system -> ChatTurn.of("system", system.text());
            default -> throw new IllegalArgumentException("a " + message.type() + " message cannot be stored");
        };
    }
}
