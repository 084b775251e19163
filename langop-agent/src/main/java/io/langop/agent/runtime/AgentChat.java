package io.langop.agent.runtime;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ConstraintGuard;
import io.langop.sdk.agent.RunUsage;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ToolExecutor;
import io.langop.sdk.llm.ToolLoop;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One chat turn of the interactive mode: the client's conversation, preceded by the agent's persona,
 * through the tool loop with the agent's tools; each request is held to the agent's constraints.
 */
final class AgentChat {

    record Reply(String text, RunUsage usage) {}

    private final AgentDefinition agent;
    private final LlmClient llm;
    private final ToolExecutor tools;

    AgentChat(AgentDefinition agent, LlmClient llm, ToolExecutor tools) {
        this.agent = agent;
        this.llm = llm;
        this.tools = tools;
    }

    /**
     * Whether text can go to the client as the model writes it: not when content filters are set,
     * since they must see the whole answer before any of it leaves.
     */
    boolean canStream() {
        return agent.constraints().blockedTopics().isEmpty()
                && agent.constraints().blockedPatterns().isEmpty();
    }

    /** @param onText receives the answer while it is written, or null to get it only at the end */
    Reply reply(List<ChatMessage> conversation, Consumer<String> onText) throws InterruptedException {
        List<ChatMessage> messages = new ArrayList<>();
        if (!agent.persona().isBlank()) {
            messages.add(SystemMessage.from(agent.persona()));
        }
        messages.addAll(conversation);
        ConstraintGuard guard = new ConstraintGuard(agent.constraints(), Clock.systemUTC());
        String text = new ToolLoop(llm, tools, guard).complete(messages, onText).text();
        guard.checkContent("output", text);
        return new Reply(text, guard.usage());
    }
}
