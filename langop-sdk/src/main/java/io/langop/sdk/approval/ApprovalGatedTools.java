package io.langop.sdk.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.langop.sdk.llm.ToolExecutor;
import java.util.List;
import java.util.Optional;

/** The tools a model may call, each call asked of a {@link CallApproval} first. */
public final class ApprovalGatedTools implements ToolExecutor {

    /** Told of each call the approval refused (a chat's call a person denied): it does not reach the tools. */
    @FunctionalInterface
    public interface Refusals {
        Refusals NONE = (tool, argumentsJson) -> {};

        void refused(String tool, String argumentsJson);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolExecutor tools;
    private final CallApproval approval;
    private final Refusals refusals;

    public ApprovalGatedTools(ToolExecutor tools, CallApproval approval) {
        this(tools, approval, Refusals.NONE);
    }

    public ApprovalGatedTools(ToolExecutor tools, CallApproval approval, Refusals refusals) {
        this.tools = tools;
        this.approval = approval;
        this.refusals = refusals;
    }

    @Override
    public List<ToolSpecification> specifications() {
        return tools.specifications();
    }

    @Override
    public String execute(String tool, String argumentsJson) throws InterruptedException {
        JsonNode arguments;
        try {
            arguments = argumentsJson == null || argumentsJson.isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(argumentsJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
            return tools.execute(tool, argumentsJson); // refused there, and never run: nothing to approve
        }
        Optional<String> refusal = approval.check(tool, arguments);
        if (refusal.isEmpty()) {
            return tools.execute(tool, argumentsJson);
        }
        refusals.refused(tool, argumentsJson);
        return refusal.get();
    }
}
