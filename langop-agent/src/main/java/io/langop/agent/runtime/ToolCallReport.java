package io.langop.agent.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.wire.ToolCallEvents;

/**
 * What a chat client is told of one tool call the agent runs for its answer ({@link ToolCallEvents}): a summary of
 * the arguments, secrets redacted, never the result.
 *
 * @param state {@link ToolCallEvents#RUNNING}, {@link ToolCallEvents#OK}, {@link ToolCallEvents#ERROR} or
 *     {@link ToolCallEvents#DENIED}
 * @param durationMillis how long the call took; -1 while it runs, and for a call that did not run
 */
record ToolCallReport(String id, String tool, String arguments, String state, long durationMillis) {

    static ToolCallReport running(String id, String tool, String arguments) {
        return new ToolCallReport(id, tool, arguments, ToolCallEvents.RUNNING, -1);
    }

    /** A call a person denied: told once, with no duration since it never ran. */
    static ToolCallReport denied(String id, String tool, String arguments) {
        return new ToolCallReport(id, tool, arguments, ToolCallEvents.DENIED, -1);
    }

    ToolCallReport ended(boolean failed, long durationMillis) {
        return new ToolCallReport(
                id, tool, arguments, failed ? ToolCallEvents.ERROR : ToolCallEvents.OK, durationMillis);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance
                .objectNode()
                .put(ToolCallEvents.ID, id)
                .put(ToolCallEvents.TOOL, tool)
                .put(ToolCallEvents.ARGUMENTS, arguments)
                .put(ToolCallEvents.STATE, state);
        if (durationMillis >= 0) {
            json.put(ToolCallEvents.DURATION_MS, durationMillis);
        }
        return json;
    }
}
