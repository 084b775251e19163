package io.langop.sdk.agent;

/**
 * The LLM requests, tokens and tool calls an agent made within the last minute, shared by all its runs (or chat
 * requests) in one process, so that its per-minute limits bound the agent, not each run: an interactive agent
 * limited to 30 requests a minute serves at most 30, however many chats ask.
 */
public final class AgentRates {

    final MinuteWindow requests = new MinuteWindow();
    final MinuteWindow tokens = new MinuteWindow();
    final MinuteWindow toolCalls = new MinuteWindow();
}
