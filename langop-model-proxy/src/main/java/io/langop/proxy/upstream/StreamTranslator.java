package io.langop.proxy.upstream;

import io.langop.proxy.usage.TokenUsage;
import java.util.List;

/** Turns one upstream stream's server-sent events into OpenAI {@code chat.completion.chunk} payloads. */
public interface StreamTranslator {

  /**
   * @param event the SSE {@code event:} field, null when absent
   * @param data  the SSE {@code data:} payload
   * @return the {@code data:} payloads to send to the client now, in order ({@code [DONE]} included)
   */
  List<String> translate(String event, String data);

  /** Tokens reported by the upstream, or counted from the stream when it reported none. */
  TokenUsage usage(long estimatedPromptTokens);

  /** Whether the upstream signalled the end of the answer. */
  boolean finished();
}
