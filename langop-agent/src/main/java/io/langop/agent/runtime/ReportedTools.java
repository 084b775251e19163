package io.langop.agent.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.langop.sdk.approval.ArgumentRedaction;
import io.langop.sdk.llm.ToolExecutor;
import io.langop.wire.ToolCallEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tools of one chat answer, each call told to the chat's client when it starts and when it ends
 * ({@link ToolCallEvents}), and the ended ones kept for the answer. It sits under the approval gate: a call that
 * waits for a person never reaches it, and so is not told as run; one a person denied is told as such
 * ({@link #denied}).
 */
final class ReportedTools implements ToolExecutor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolExecutor tools;
    private final Consumer<ToolCallReport> listener;
    private final List<ToolCallReport> ended = new ArrayList<>();
    private int calls;

    /** @param listener told of each call as it starts and ends, on the thread that runs it */
    ReportedTools(ToolExecutor tools, Consumer<ToolCallReport> listener) {
        this.tools = tools;
        this.listener = listener;
    }

    @Override
    public List<ToolSpecification> specifications() {
        return tools.specifications();
    }

    @Override
    public String execute(String tool, String argumentsJson) throws InterruptedException {
        calls++;
        ToolCallReport call =
                ToolCallReport.running("call-" + calls, tool, ToolCallEvents.summary(redacted(argumentsJson)));
        listener.accept(call);
        long started = System.nanoTime();
        boolean failed = true;
        try {
            String result = tools.execute(tool, argumentsJson);
            failed = ToolExecutor.failed(result);
            return result;
        } finally {
            ToolCallReport done = call.ended(failed, (System.nanoTime() - started) / 1_000_000);
            ended.add(done);
            listener.accept(done);
        }
    }

    /**
     * A call the approval gate above refused because a person denied it: told (and kept) once, as denied, so that the
     * chat shows it where the call would have run.
     */
    void denied(String tool, String argumentsJson) {
        calls++;
        ToolCallReport call =
                ToolCallReport.denied("call-" + calls, tool, ToolCallEvents.summary(redacted(argumentsJson)));
        ended.add(call);
        listener.accept(call);
    }

    /** The calls that ended, oldest first. */
    List<ToolCallReport> ended() {
        return List.copyOf(ended);
    }

    /** Arguments as compact JSON with secrets redacted; arguments that are not JSON are redacted as text. */
    private static String redacted(String argumentsJson) {
        JsonNode arguments;
        try {
            arguments = argumentsJson == null || argumentsJson.isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(argumentsJson);
        } catch (JsonProcessingException notJson) {
            return ArgumentRedaction.redact(TextNode.valueOf(argumentsJson)).asText();
        }
        return ArgumentRedaction.redact(arguments).toString();
    }
}
