package io.langop.agent.runtime;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.AgentRates;
import io.langop.sdk.agent.ConstraintGuard;
import io.langop.sdk.agent.RunUsage;
import io.langop.sdk.agent.TimeLimit;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ToolExecutor;
import io.langop.sdk.llm.ToolLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One chat turn of the interactive mode: the client's conversation, preceded by the agent's persona,
 * through the tool loop with the agent's tools; each request is held to the agent's constraints, its
 * timeout included, and the per-minute limits count every request the agent served.
 */
final class AgentChat {

    record Reply(String text, RunUsage usage) {}

    private final AgentDefinition agent;
    private final LlmClient llm;
    private final ToolExecutor tools;
    private final TimeLimit timeLimit;
    private final AgentRates rates = new AgentRates();

    AgentChat(AgentDefinition agent, LlmClient llm, ToolExecutor tools, Duration stopGrace) {
        this.agent = agent;
        this.llm = llm;
        this.tools = tools;
        this.timeLimit = new TimeLimit(agent.constraints().timeout(), stopGrace);
    }

    /**
     * Whether text can go to the client as the model writes it: not when content filters are set,
     * since they must see the whole answer before any of it leaves.
     */
    boolean canStream() {
        return agent.constraints().blockedTopics().isEmpty()
                && agent.constraints().blockedPatterns().isEmpty();
    }

    /**
     * @param onText receives the answer while it is written, or null to get it only at the end
     * @throws io.langop.sdk.agent.RunStuckException when the request overstayed the agent's timeout and
     *     did not stop; the process must end
     */
    Reply reply(List<ChatMessage> conversation, Consumer<String> onText) throws InterruptedException {
        List<ChatMessage> messages = new ArrayList<>();
        if (!agent.persona().isBlank()) {
            messages.add(SystemMessage.from(agent.persona()));
        }
        messages.addAll(conversation);
        ConstraintGuard guard = new ConstraintGuard(agent.constraints(), Clock.systemUTC(), rates);
        try {
            String text = timeLimit.call(
                    "chat-" + agent.name(),
                    () -> {
                        String answer = new ToolLoop(llm, tools, guard)
                                .complete(messages, onText)
                                .text();
                        guard.checkContent("output", answer);
                        return answer;
                    },
                    guard::timeoutViolation);
            return new Reply(text, guard.usage());
        } catch (InterruptedException | RuntimeException failure) {
            throw failure;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected); // the tool loop throws nothing else checked
        }
    }
}
