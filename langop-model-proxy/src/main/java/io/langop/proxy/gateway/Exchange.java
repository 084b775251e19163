package io.langop.proxy.gateway;

import io.langop.proxy.openai.ApiError;
import java.io.IOException;
import java.util.Map;

/** The client side of one request: where the answer goes. */
public interface Exchange {

  void json(int status, Map<String, String> headers, byte[] body) throws IOException;

  void error(ApiError error) throws IOException;

  /** Commits a 200 {@code text/event-stream} answer. */
  EventSink events(Map<String, String> headers) throws IOException;

  /** Server-sent events to the client. */
  interface EventSink {
    /** Buffers one event; {@link #flush()} sends what is buffered. */
    void send(String data) throws IOException;

    /** @throws IOException when the client has gone away */
    void flush() throws IOException;
  }
}
