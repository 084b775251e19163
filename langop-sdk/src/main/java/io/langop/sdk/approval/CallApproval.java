package io.langop.sdk.approval;

import java.util.Optional;

/** Asked before each tool call of a run or chat request. */
@FunctionalInterface
public interface CallApproval {

    CallApproval NONE = (tool, arguments) -> Optional.empty();

    /**
     * Empty when the call may run; else the text the model gets instead of the tool's answer (a chat's denied call).
     *
     * @param arguments the call's arguments as JSON
     * @throws io.langop.sdk.agent.ConstraintViolationException when a run's call was denied or not decided in time
     * @throws ApprovalPendingException when a chat's call waits for a decision
     * @throws InterruptedException when the run is stopped while it waits
     */
    Optional<String> check(String tool, com.fasterxml.jackson.databind.JsonNode arguments) throws InterruptedException;
}
