package io.langop.proxy.gateway;

import io.langop.proxy.openai.ApiError;
import io.langop.proxy.openai.Json;
import java.io.IOException;
import java.util.Map;

/** The client side of one request: where the answer goes. */
public interface Exchange {

    /** Sends a whole answer. */
    void respond(int status, String contentType, Map<String, String> headers, byte[] body) throws IOException;

    /**
     * Commits a 200 {@code text/event-stream} answer. Its headers leave with the first flush, and the events in
     * chunks; when nothing was flushed before the exchange ends, all leaves as one answer with its length.
     */
    EventSink events(Map<String, String> headers) throws IOException;

    /** Whether the status line has gone out (an error can no longer be sent as such). */
    boolean committed();

    default void json(int status, Map<String, String> headers, byte[] body) throws IOException {
        respond(status, "application/json", headers, body);
    }

    /** OpenAI's error shape, with {@code Retry-After} when the error says when to come back. */
    default void error(ApiError error) throws IOException {
        json(
                error.status(),
                error.retryAfter() == null ? Map.of() : Map.of("Retry-After", Long.toString(error.retryAfterSeconds())),
                Json.bytes(error.toJson()));
    }

    /** Server-sent events to the client; what is buffered when the exchange ends is sent with its end. */
    interface EventSink {
        /** Buffers one event with {@code data} (UTF-8; each line its own data line); {@link #flush()} sends it. */
        void send(byte[] data) throws IOException;

        /**
         * Sends what was buffered.
         *
         * @throws IOException when the client has gone away
         */
        void flush() throws IOException;
    }
}
