package io.langop.sdk.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM tool-calling loop: send the conversation with the tool specifications, run every tool
 * call the model asks for, append the results, and repeat until the model answers without tool
 * calls. The {@link TurnObserver} sees each turn and stops the loop by throwing (max iterations,
 * budgets, blocked content); the loop itself has no limit of its own.
 */
public final class ToolLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ToolLoop.class);

    private final LlmClient llm;
    private final ToolExecutor tools;
    private final TurnObserver observer;

    public ToolLoop(LlmClient llm, ToolExecutor tools, TurnObserver observer) {
        this.llm = llm;
        this.tools = tools;
        this.observer = observer;
    }

    /** The final answer and the whole conversation that led to it. */
    public record Completion(String text, List<ChatMessage> conversation) {}

    /** One task: {@code persona} as system message (when not blank), then {@code task} as user message. */
    public String ask(String persona, String task) throws InterruptedException {
        List<ChatMessage> messages = new ArrayList<>();
        if (!persona.isBlank()) {
            messages.add(SystemMessage.from(persona));
        }
        messages.add(UserMessage.from(task));
        return complete(messages).text();
    }

    public Completion complete(List<ChatMessage> conversation) throws InterruptedException {
        return complete(conversation, null);
    }

    /**
     * Like {@link #complete(List)}, handing the model's text to {@code onText} as it is produced (when
     * {@code onText} is not null), so that a chat client sees the answer while it is written.
     */
    public Completion complete(List<ChatMessage> conversation, Consumer<String> onText) throws InterruptedException {
        List<ChatMessage> messages = new ArrayList<>(conversation);
        while (true) {
            observer.beforeTurn(messages);
            var request = ChatRequest.builder().messages(messages);
            if (!tools.specifications().isEmpty()) {
                request.toolSpecifications(tools.specifications());
            }
            ChatResponse response =
                    onText == null ? llm.chat(request.build()) : llm.chatStreaming(request.build(), onText);
            observer.afterTurn(response);
            AiMessage answer = response.aiMessage();
            messages.add(answer);
            if (!answer.hasToolExecutionRequests()) {
                return new Completion(answer.text() == null ? "" : answer.text(), List.copyOf(messages));
            }
            for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
                LOG.info("Model calls tool {}", call.name());
                messages.add(ToolExecutionResultMessage.from(call, tools.execute(call.name(), call.arguments())));
            }
        }
    }
}
