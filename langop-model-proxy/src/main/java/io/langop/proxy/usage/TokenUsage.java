package io.langop.proxy.usage;

import com.fasterxml.jackson.databind.JsonNode;

/** Tokens of one request, as the upstream reported them in OpenAI's {@code usage} object. */
public record TokenUsage(long promptTokens, long completionTokens) {

  public static final TokenUsage NONE = new TokenUsage(0, 0);

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** Reads {@code {"prompt_tokens", "completion_tokens"}}; missing fields count zero. */
  public static TokenUsage fromOpenAi(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return NONE;
    }
    return new TokenUsage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
  }
}
