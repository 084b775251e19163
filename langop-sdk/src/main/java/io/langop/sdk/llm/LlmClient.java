package io.langop.sdk.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.langop.sdk.config.RetryPolicy;
import java.time.Duration;

/**
 * An OpenAI-compatible chat model (the langop model proxy in a cluster). Rate limits (429), server
 * errors (5xx) and timeouts are retried with exponential backoff; other errors fail at once.
 */
public final class LlmClient {

    private final ChatModel model;
    private final String modelName;
    private final RetryPolicy retry;

    public LlmClient(ChatModel model, String modelName, RetryPolicy retry) {
        this.model = model;
        this.modelName = modelName;
        this.retry = retry;
    }

    /** @param baseUrl the API root including {@code /v1}, e.g. {@code http://proxy:8000/v1} */
    public static LlmClient openAiCompatible(String baseUrl, String apiKey, String modelName, Duration timeout, RetryPolicy retry) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(modelName)
                .timeout(timeout)
                .maxRetries(0) // retries are ours, so that every attempt is visible and the policy is one
                .build();
        return new LlmClient(model, modelName, retry);
    }

    public String modelName() {
        return modelName;
    }

    public ChatResponse chat(ChatRequest request) throws InterruptedException {
        try {
            return retry.call("LLM request", () -> model.chat(request), LlmClient::isRetriable);
        } catch (InterruptedException | RuntimeException failure) {
            throw failure;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    static boolean isRetriable(Exception failure) {
        return failure instanceof RateLimitException
                || failure instanceof InternalServerException
                || failure instanceof TimeoutException
                || (failure instanceof HttpException http && (http.statusCode() == 429 || http.statusCode() >= 500))
                || (failure.getCause() instanceof HttpException http && (http.statusCode() == 429 || http.statusCode() >= 500));
    }
}
