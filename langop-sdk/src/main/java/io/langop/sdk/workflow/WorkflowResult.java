package io.langop.sdk.workflow;

import java.util.List;

/**
 * The outcome of a completed workflow run.
 *
 * @param completedOrder step names in the order they finished (parallel steps may interleave)
 * @param skipped steps whose condition was false, or that depended on a skipped step
 */
public record WorkflowResult(StepResults results, List<String> completedOrder, List<String> skipped) {

    public WorkflowResult {
        completedOrder = List.copyOf(completedOrder);
        skipped = List.copyOf(skipped);
    }

    /** The result of the last step to finish, which is what an agent writes as its output. */
    public String finalText() {
        return completedOrder.isEmpty() ? "" : results.text(completedOrder.getLast());
    }
}
