package io.langop.sdk.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.sdk.agent.ConstraintViolationException;
import io.langop.sdk.agent.ConstraintViolationException.Kind;
import io.langop.sdk.approval.Approval.State;
import io.langop.sdk.llm.ToolExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds tool calls that the {@link ApprovalRule} names until a person decides. A run waits: approved, the call runs;
 * denied or undecided at the deadline, the run stops ({@link Kind#APPROVAL}). A chat request does not wait, since an
 * HTTP client would not: it ends with an answer saying what waits ({@link ApprovalPendingException}), and when the
 * model asks for the same call (same tool, same arguments) again, the approved call runs once, or the model is told
 * that it was denied.
 */
public final class ApprovalGate {

    private final ApprovalRule rule;
    private final ToolOrigins origins;
    private final Approvals approvals;
    private final Clock clock;

    public ApprovalGate(ApprovalRule rule, ToolOrigins origins, Approvals approvals, Clock clock) {
        this.rule = rule;
        this.origins = origins;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** A gate that never holds a call. */
    public static ApprovalGate none() {
        return new ApprovalGate(
                ApprovalRule.NONE, ToolOrigins.NONE, new Approvals(Clock.systemUTC()), Clock.systemUTC());
    }

    public boolean isActive() {
        return !rule.isEmpty();
    }

    public Approvals approvals() {
        return approvals;
    }

    /**
     * The check of a run's calls: each call the rule names waits for a decision until the approval timeout, or the
     * run's own deadline when that comes first (the run's time limit then stops it while it waits).
     */
    public CallApproval forRun(String runId, Optional<Instant> runDeadline) {
        return (tool, arguments) -> {
            if (rule.requires(tool, origins)) {
                awaitDecision(tool, arguments, "run " + runId, runDeadline);
            }
            return Optional.empty();
        };
    }

    /** The check of a chat request's calls. */
    public CallApproval forChat() {
        return (tool, arguments) -> rule.requires(tool, origins) ? chatDecision(tool, arguments) : Optional.empty();
    }

    private void awaitDecision(String tool, JsonNode arguments, String requestedBy, Optional<Instant> runDeadline)
            throws InterruptedException {
        Instant deadline = deadline();
        if (runDeadline.isPresent() && runDeadline.get().isBefore(deadline)) {
            deadline = runDeadline.get();
        }
        Approvals.Entry entry = approvals.open(tool, arguments, requestedBy, deadline);
        Approval decided;
        try {
            long wait = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
            decided = entry.decision().get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            approvals.expire(entry, "nobody decided by its deadline");
            decided = entry.decision().getNow(null);
        } catch (InterruptedException stopped) {
            approvals.expire(entry, "the run stopped while it waited");
            throw stopped;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible); // a decision is never completed exceptionally
        }
        String id = decided.id();
        switch (decided.state()) {
            case APPROVED -> {}
            case DENIED ->
                throw new ConstraintViolationException(
                        Kind.APPROVAL,
                        "the call of " + tool + " was denied (approval " + id + decisionDetails(decided) + ")");
            case EXPIRED, PENDING ->
                throw new ConstraintViolationException(
                        Kind.APPROVAL,
                        "nobody approved the call of " + tool + " by its deadline " + decided.deadline() + " (approval "
                                + id + ")");
        }
    }

    private Optional<String> chatDecision(String tool, JsonNode arguments) {
        Optional<Approval> earlier = approvals.forChatCall(tool, arguments);
        if (earlier.isPresent() && earlier.get().state() == State.APPROVED) {
            return Optional.empty();
        }
        if (earlier.isPresent() && earlier.get().state() == State.DENIED) {
            return Optional.of(ToolExecutor.failure("a person denied this call of " + tool + " (approval "
                    + earlier.get().id() + decisionDetails(earlier.get())
                    + "); do not call it again with these arguments."));
        }
        Approval pending = earlier.orElseGet(() ->
                approvals.open(tool, arguments, Approvals.CHAT, deadline()).approval());
        throw new ApprovalPendingException(pending);
    }

    private Instant deadline() {
        return clock.instant().plus(rule.timeout());
    }

    private static String decisionDetails(Approval approval) {
        return approval.decidedBy().map(person -> " by " + person).orElse("")
                + approval.reason().map(why -> ": " + why).orElse("");
    }
}
