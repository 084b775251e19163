package io.langop.sdk.metrics;

/**
 * Where the SDK reports how long runs, model calls and tool calls took. Each is reported while its own span is
 * still current, so that a latency histogram can keep that trace as the observation's exemplar. The agent runtime
 * records them as meters; {@link #NONE} records nothing.
 */
public interface CallTimings {

    CallTimings NONE = new CallTimings() {};

    /**
     * One model call, its retries included.
     *
     * @param failed the call ended in an exception (after the retries it was allowed)
     */
    default void modelCall(String model, boolean failed, long nanos) {}

    /**
     * One MCP tool call.
     *
     * @param failed the call failed or the tool answered an error
     */
    default void toolCall(String tool, boolean failed, long nanos) {}

    /**
     * One run of the agent.
     *
     * @param outcome how it ended, as {@code RunOutcome.kind()} names it
     */
    default void run(String outcome, long nanos) {}
}
