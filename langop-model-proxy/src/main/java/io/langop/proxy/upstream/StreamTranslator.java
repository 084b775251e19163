package io.langop.proxy.upstream;

import io.langop.proxy.usage.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns one upstream stream's server-sent events into OpenAI {@code chat.completion.chunk} payloads. Payloads are
 * UTF-8 bytes, so events that need no change go from upstream to client without being decoded.
 */
public interface StreamTranslator {

    /** The payload that ends an OpenAI stream (shared: never modified). */
    byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    /**
     * Translates one upstream event.
     *
     * @param event the SSE {@code event:} field, null when absent
     * @param data  the SSE {@code data:} payload
     * @return the {@code data:} payloads to send to the client now, in order ({@link #DONE} included)
     */
    List<byte[]> translate(String event, byte[] data);

    /**
     * Tokens reported by the upstream, or counted from the stream when it reported none (one per content chunk
     * passed on, the prompt as estimated): for a stream that broke off, what it delivered.
     */
    TokenUsage usage(long estimatedPromptTokens);

    /** Whether the upstream signalled the end of the answer. */
    boolean finished();
}
