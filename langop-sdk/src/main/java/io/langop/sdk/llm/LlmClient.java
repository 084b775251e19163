package io.langop.sdk.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.langop.sdk.metrics.CallTimings;
import io.langop.sdk.retry.Backoff;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.trace.TraceHeaders;
import io.langop.trace.Traces;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An OpenAI-compatible chat model (the langop model proxy in a cluster). Rate limits (429), server
 * errors (5xx) and timeouts are retried with exponential backoff; other errors fail at once.
 */
public final class LlmClient {

    private final ChatModel model;
    private final StreamingChatModel streamingModel;
    private final String modelName;
    /** Where the model answers, as error messages name it (without credentials a URL may carry). */
    private final String endpoint;

    private final Backoff retry;
    /** Taken out of error messages. */
    private final String apiKey;

    private final CallTimings timings;

    private LlmClient(
            ChatModel model,
            StreamingChatModel streamingModel,
            String modelName,
            String endpoint,
            Backoff retry,
            String apiKey,
            CallTimings timings) {
        this.model = model;
        this.streamingModel = streamingModel;
        this.modelName = modelName;
        this.endpoint = endpoint;
        this.retry = retry;
        this.apiKey = apiKey;
        this.timings = timings;
    }

    /**
     * A client of an OpenAI-compatible API.
     *
     * @param baseUrl the API root including {@code /v1}, e.g. {@code http://proxy:8000/v1}
     */
    public static LlmClient openAiCompatible(
            String baseUrl, String apiKey, String modelName, Duration timeout, Backoff retry) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(modelName)
                .timeout(timeout)
                .maxRetries(0) // retries are ours, so that every attempt is visible and the policy is one
                .customHeaders(TraceHeaders::current) // asked per request, on the caller's thread
                .build();
        StreamingChatModel streamingModel = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(modelName)
                .timeout(timeout)
                .customHeaders(TraceHeaders::current)
                .build();
        return new LlmClient(
                model,
                streamingModel,
                modelName,
                baseUrl.replaceAll("(?<=://)[^/@\\s]+@", ""),
                retry,
                apiKey,
                CallTimings.NONE);
    }

    /** This client, reporting how long each call took (its retries included) to {@code timings}. */
    public LlmClient timedBy(CallTimings timings) {
        return new LlmClient(model, streamingModel, modelName, endpoint, retry, apiKey, timings);
    }

    public String modelName() {
        return modelName;
    }

    /**
     * Asks the model, retrying rate limits, server errors and timeouts as the retry policy allows.
     *
     * @throws LlmException when the model cannot answer, after the retries the policy allows
     */
    public ChatResponse chat(ChatRequest request) throws InterruptedException {
        return traced(
                () -> retry.call("LLM request", () -> keyless(() -> model.chat(request)), LlmClient::isRetriable));
    }

    /**
     * One model call (its retries included) as a client span of OpenTelemetry's GenAI conventions, with the tokens
     * it used; the W3C trace headers of the span go with each HTTP request.
     */
    private ChatResponse traced(Call call) throws InterruptedException {
        try (SpanScope span = SpanScope.start(Traces.span("chat " + modelName, SpanKind.CLIENT)
                .setAttribute(TraceAttributes.GEN_AI_OPERATION, "chat")
                .setAttribute(TraceAttributes.GEN_AI_REQUEST_MODEL, modelName))) {
            long started = System.nanoTime();
            boolean failed = true;
            try {
                ChatResponse response = call.call();
                failed = false;
                if (response.modelName() != null) {
                    span.span().setAttribute(TraceAttributes.GEN_AI_RESPONSE_MODEL, response.modelName());
                }
                if (response.tokenUsage() != null) {
                    if (response.tokenUsage().inputTokenCount() != null) {
                        span.span().setAttribute(TraceAttributes.GEN_AI_INPUT_TOKENS, (long)
                                response.tokenUsage().inputTokenCount());
                    }
                    if (response.tokenUsage().outputTokenCount() != null) {
                        span.span().setAttribute(TraceAttributes.GEN_AI_OUTPUT_TOKENS, (long)
                                response.tokenUsage().outputTokenCount());
                    }
                }
                return response;
            } catch (InterruptedException | RuntimeException failure) {
                span.fail(failure);
                throw failure;
            } catch (Exception unexpected) {
                span.fail(unexpected);
                throw new IllegalStateException(unexpected);
            } finally {
                timings.modelCall(modelName, failed, System.nanoTime() - started);
            }
        }
    }

    @FunctionalInterface
    private interface Call {
        ChatResponse call() throws Exception;
    }

    /**
     * Like {@link #chat} but hands text to {@code onText} as the model produces it. A failure is retried
     * only while no text has been handed on, so that the receiver never sees an answer twice.
     *
     * @throws LlmException when the model cannot answer, after the retries the policy allows
     */
    public ChatResponse chatStreaming(ChatRequest request, Consumer<String> onText) throws InterruptedException {
        AtomicBoolean emitted = new AtomicBoolean();
        return traced(() -> retry.call(
                "LLM streaming request",
                () -> keyless(() -> streamOnce(request, text -> {
                    emitted.set(true);
                    onText.accept(text);
                })),
                failure -> !emitted.get() && isRetriable(failure)));
    }

    private ChatResponse streamOnce(ChatRequest request, Consumer<String> onText) throws InterruptedException {
        CompletableFuture<ChatResponse> response = new CompletableFuture<>();
        streamingModel.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                onText.accept(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                response.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                response.completeExceptionally(error);
            }
        });
        try {
            return response.get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(failed.getCause());
        }
    }

    /** One attempt, whose failure reaches the retry log and the caller only as an {@link LlmException}. */
    private ChatResponse keyless(Attempt attempt) throws InterruptedException {
        try {
            return attempt.call();
        } catch (RuntimeException failure) {
            throw new LlmException(endpoint, modelName, failure, apiKey, isRetriableFailure(failure));
        }
    }

    @FunctionalInterface
    private interface Attempt {
        ChatResponse call() throws InterruptedException;
    }

    private static boolean isRetriable(Exception failure) {
        return failure instanceof LlmException llm && llm.retriable();
    }

    private static boolean isRetriableFailure(RuntimeException failure) {
        return failure instanceof RateLimitException
                || failure instanceof InternalServerException
                || failure instanceof TimeoutException
                || (failure instanceof HttpException http && (http.statusCode() == 429 || http.statusCode() >= 500))
                || (failure.getCause() instanceof HttpException http
                        && (http.statusCode() == 429 || http.statusCode() >= 500));
    }
}
