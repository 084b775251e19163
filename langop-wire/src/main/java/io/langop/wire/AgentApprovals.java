package io.langop.wire;

/**
 * The HTTP contract of an agent's approvals, which the runtime serves and the {@code langop approval} command, the
 * operator and a console call: {@code GET /approvals} lists them, {@code POST /approvals/{id}/approve} and
 * {@code POST /approvals/{id}/deny} decide one (an optional JSON body {@code {"by": ..., "reason": ...}}). Every
 * request carries {@code Authorization: Bearer <token>}, the token of {@link AgentEnv#AGENT_APPROVAL_TOKEN}.
 *
 * <p>A chat answer that waits for a decision carries the approval (as the list shows it) in the field
 * {@link #CHAT_FIELD} of its completion, or of its last chunk when streamed; OpenAI clients ignore the field.
 */
public final class AgentApprovals {

    public static final String PATH = "/approvals";
    public static final String APPROVE = "approve";
    public static final String DENY = "deny";
    public static final String CHAT_FIELD = "approval";
    /** The field of the list's body ({@code GET /approvals}) that holds the approvals. */
    public static final String LIST_FIELD = "approvals";
    /** An approval's id, in the list and in a chat answer's approval. */
    public static final String ID = "id";

    private AgentApprovals() {}
}
