package io.langop.sdk.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;

/** Sees every LLM turn of a tool loop; constraint enforcement throws from here to stop a run. */
public interface TurnObserver {

    TurnObserver NONE = new TurnObserver() {};

    default void beforeTurn(List<ChatMessage> messages) {}

    default void afterTurn(ChatResponse response) {}
}
