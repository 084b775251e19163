package io.langop.sdk.approval;

/**
 * A chat's tool call needs a person's decision: the chat request ends with an answer that says so, and the call runs
 * when the model asks for it again once it is approved.
 */
public final class ApprovalPendingException extends RuntimeException {

    private final transient Approval approval;

    ApprovalPendingException(Approval approval) {
        super("the call of " + approval.tool() + " waits for approval " + approval.id());
        this.approval = approval;
    }

    public Approval approval() {
        return approval;
    }

    /** The chat answer: what waits, for how long, and how to go on. */
    public String answer() {
        return "Waiting for approval: the call of " + approval.tool() + " with " + approval.arguments()
                + " needs a person's approval (approval " + approval.id() + ", deadline " + approval.deadline()
                + "; " + approval.howToDecide() + "). Once it is approved, send your message again to go on.";
    }
}
