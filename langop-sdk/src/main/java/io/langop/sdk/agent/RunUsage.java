package io.langop.sdk.agent;

/** What a run consumed: LLM requests, tokens and their cost under the constraints' pricing. */
public record RunUsage(int llmRequests, long inputTokens, long outputTokens, double costUsd) {

    public static final RunUsage NONE = new RunUsage(0, 0, 0, 0);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
