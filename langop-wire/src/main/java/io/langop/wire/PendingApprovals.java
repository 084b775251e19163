package io.langop.wire;

/**
 * The body of {@link ServiceWire#PROXY_APPROVALS_PATH}: a JSON array of the tool calls of one agent that wait for
 * a person's approval now, each {@code {"id", "tool", "arguments", "deadline"}}, the whole list each time it changes
 * (so a lost report is mended by the next). The arguments are the runtime's redacted copy as compact JSON text;
 * the deadline is RFC 3339. The proxy keeps the latest list per client key for the operator, which shows it in the
 * LanguageAgent's status.
 */
public final class PendingApprovals {

    public static final String ID = "id";
    public static final String TOOL = "tool";
    public static final String ARGUMENTS = "arguments";
    public static final String DEADLINE = "deadline";

    /** Calls kept per agent: a status lists a few, and a report stays small. */
    public static final int MAX_LISTED = 20;
    /** Characters of a call's arguments kept; longer ones end in an ellipsis. */
    public static final int MAX_ARGUMENTS_CHARS = 512;

    private PendingApprovals() {}

    /** {@code arguments} cut to {@link #MAX_ARGUMENTS_CHARS}. */
    public static String bounded(String arguments) {
        return WireText.bounded(arguments, MAX_ARGUMENTS_CHARS);
    }
}
