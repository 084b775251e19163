package io.langop.sdk.approval;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One tool call that needed a person's decision, as people see it: the arguments with secrets taken out.
 *
 * @param requestedBy {@code run <id>} or {@code chat}
 * @param decidedBy who approved or denied it, as they said; empty while pending and once expired
 */
public record Approval(
        String id,
        String tool,
        JsonNode arguments,
        String requestedBy,
        Instant requestedAt,
        Instant deadline,
        State state,
        Optional<String> decidedBy,
        Optional<String> reason,
        Optional<Instant> decidedAt) {

    public enum State {
        PENDING,
        APPROVED,
        DENIED,
        /** Nobody decided by the deadline, or the run that waited stopped first. */
        EXPIRED
    }

    Approval decided(State state, String by, String why, Instant at) {
        return new Approval(
                id,
                tool,
                arguments,
                requestedBy,
                requestedAt,
                deadline,
                state,
                Optional.ofNullable(by).filter(text -> !text.isBlank()),
                Optional.ofNullable(why).filter(text -> !text.isBlank()),
                Optional.of(at));
    }

    /** How a person decides on it, for messages that tell them. */
    public String howToDecide() {
        return "approve with `langop approval approve " + id + "` or deny with `langop approval deny " + id + "`";
    }
}
