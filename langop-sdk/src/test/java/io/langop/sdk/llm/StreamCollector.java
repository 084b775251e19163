package io.langop.sdk.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a streaming answer looked like to an OpenAI client we did not write (langchain4j): the pieces in the
 * order they arrived, and the complete response or the error it ended with. For tests of the servers that
 * stream chat answers (the agent's chat endpoint, the console, the model proxy).
 */
public final class StreamCollector implements StreamingChatResponseHandler {

    private final List<String> pieces = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    @Override
    public void onPartialResponse(String partialResponse) {
        pieces.add(partialResponse);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        done.complete(completeResponse);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    public List<String> pieces() {
        return pieces;
    }

    /** The complete response; throws what the stream ended with, or when it did not end within {@code timeout}. */
    public ChatResponse response(Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
        return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes with the response, or exceptionally with the stream's error. */
    public CompletableFuture<ChatResponse> completion() {
        return done;
    }
}
