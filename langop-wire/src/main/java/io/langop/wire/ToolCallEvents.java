package io.langop.wire;

/**
 * How an interactive agent's chat answer tells its client about the tools it runs on the way, which a chat front end
 * (the console) shows as the answer streams in.
 *
 * <p>Streamed ({@code stream: true}), each call is told twice, when it starts ({@link #RUNNING}) and when it ends
 * ({@link #OK} or {@link #ERROR}, with its duration), each time in a chunk of its own: an ordinary
 * {@code chat.completion.chunk} whose one choice has an empty {@code delta}, carrying the report in the extra field
 * {@link #CHUNK_FIELD}. A plain completion lists the ended calls in {@link #COMPLETION_FIELD}.
 *
 * <p>Why a field in an ordinary chunk, and not an SSE event of its own name ({@code event: tool_call}): OpenAI's
 * official SDKs do not skip named events. openai-python's {@code Stream} parses every event but {@code [DONE]} as a
 * chunk, whatever its {@code event:} line says (only {@code thread.*} events are wrapped); openai-java's
 * {@code SseHandler} hands on every message with data to be read as a chunk; openai-node yields an unknown named
 * event to the caller as an {@code {event, data}} item. Either way the caller gets an item without {@code choices},
 * and its {@code chunk.choices[0]} fails. All three keep unknown fields of a
 * chunk (pydantic models allow extras; openai-java keeps {@code _additionalProperties()}), and callers already meet
 * chunks whose delta has no content (the first and the last). The field is prefixed with {@code langop_} so that a
 * field OpenAI adds to chunks one day cannot collide with it.
 *
 * <p>A report: {@link #ID} (unique within the answer), {@link #TOOL}, {@link #ARGUMENTS} (the call's arguments as
 * compact JSON text with the values of secret-named fields and API keys redacted, cut to
 * {@link #MAX_ARGUMENTS_CHARS}), {@link #STATE}, and once it ran {@link #DURATION_MS}. A call that waits for a
 * person's approval is not reported: the answer's approval ({@link AgentApprovals#CHAT_FIELD}) tells of it. When the
 * model asks for it again after the decision, it is reported as any call: as it runs when approved, or, denied, once,
 * as {@link #DENIED} without a duration (it did not run).
 */
public final class ToolCallEvents {

    /** The field of a streamed chunk that holds one report. */
    public static final String CHUNK_FIELD = "langop_tool_call";
    /** The field of a plain (not streamed) completion that lists the reports of the calls that ended. */
    public static final String COMPLETION_FIELD = "langop_tool_calls";

    public static final String ID = "id";
    public static final String TOOL = "tool";
    public static final String ARGUMENTS = "arguments";
    public static final String STATE = "state";
    public static final String DURATION_MS = "duration_ms";

    /** The call started and has not ended. */
    public static final String RUNNING = "running";
    /** The call ended with a result. */
    public static final String OK = "ok";
    /** The call failed; the model was told why and may try again. */
    public static final String ERROR = "error";
    /** A person denied the call: it did not run, and the model was told so. */
    public static final String DENIED = "denied";

    /** Characters of a call's arguments in a report: a summary for a line on a page, not the call itself. */
    public static final int MAX_ARGUMENTS_CHARS = 200;

    private ToolCallEvents() {}

    /** {@code arguments} cut to {@link #MAX_ARGUMENTS_CHARS}. */
    public static String summary(String arguments) {
        return WireText.bounded(arguments, MAX_ARGUMENTS_CHARS);
    }
}
