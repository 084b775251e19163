package io.langop.wire;

import java.util.regex.Pattern;

/**
 * What an agent tells its model proxy when a run (or an interactive agent's chat turn) ends
 * ({@link ServiceWire#PROXY_RUNS_PATH}): a JSON object {@code {"result": "failed", "succeeded": false, "codeHash":
 * "9f2c…", "failure": "step 'weather' failed: …"}}. The proxy counts runs per client key beside the tokens and cost it
 * already counts, and per code version of that client, and the operator reads both from one place: the counts per
 * code version tell it when new code's first runs fail, so that it rolls the agent back.
 *
 * @param result    how the run ended, as the runtime's metrics name it: {@code succeeded}, {@code failed},
 *                  {@code stuck}, {@code constraint_<kind>}; lower-case letters and underscores only
 * @param succeeded whether the run counts as a success
 * @param codeHash  SHA-256 (hex) of the code that ran ({@link AgentEnv#AGENT_CODE_HASH}), or null when unknown
 * @param failure   why the run did not succeed, cut to {@link #MAX_FAILURE_LENGTH} characters; null for a success.
 *                  The runtime's own words (its errors carry no keys: see {@code LlmException}), which reach the
 *                  agent's status and the prompt of the code written after a rollback
 */
public record RunReport(String result, boolean succeeded, String codeHash, String failure) {

    public static final String RESULT = "result";
    public static final String SUCCEEDED = "succeeded";
    public static final String CODE_HASH = "codeHash";
    public static final String FAILURE = "failure";
    /** Long enough for every result the runtime names, short enough that a report stays a few bytes. */
    public static final int MAX_RESULT_LENGTH = 64;
    /** Enough for the error and the step it happened in; a report stays small, and so does what the proxy keeps. */
    public static final int MAX_FAILURE_LENGTH = 500;

    private static final Pattern RESULT_PATTERN = Pattern.compile("[a-z_]{1," + MAX_RESULT_LENGTH + "}");
    private static final Pattern CODE_HASH_PATTERN = Pattern.compile("[0-9a-f]{64}");

    public RunReport {
        checkedResult(result);
        if (codeHash != null) {
            checkedCodeHash(codeHash);
        }
        failure = succeeded || failure == null || failure.isBlank() ? null : bounded(failure.strip());
    }

    /** A report of a run whose code is not known. */
    public RunReport(String result, boolean succeeded) {
        this(result, succeeded, null, null);
    }

    /**
     * {@code result} when it is a run's result.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static String checkedResult(String result) {
        if (result == null || !RESULT_PATTERN.matcher(result).matches()) {
            throw new IllegalArgumentException(
                    "a run's result is 1 to " + MAX_RESULT_LENGTH + " lower-case letters or underscores: " + result);
        }
        return result;
    }

    /**
     * {@code codeHash} when it is a code version's hash (a SHA-256 in lower-case hex).
     *
     * @throws IllegalArgumentException when it is not
     */
    public static String checkedCodeHash(String codeHash) {
        if (codeHash == null || !CODE_HASH_PATTERN.matcher(codeHash).matches()) {
            throw new IllegalArgumentException("a code hash is a SHA-256 in lower-case hex: " + codeHash);
        }
        return codeHash;
    }

    /** {@code failure} cut to {@link #MAX_FAILURE_LENGTH}, ending in an ellipsis when it was longer. */
    public static String bounded(String failure) {
        return failure.length() <= MAX_FAILURE_LENGTH
                ? failure
                : failure.substring(0, MAX_FAILURE_LENGTH - 1) + "\u2026";
    }

    /** The body of the report. */
    public String toJson() {
        StringBuilder json = new StringBuilder()
                .append("{\"" + RESULT + "\":\"")
                .append(result) // its characters need no escaping
                .append("\",\"" + SUCCEEDED + "\":")
                .append(succeeded);
        if (codeHash != null) {
            json.append(",\"" + CODE_HASH + "\":\"").append(codeHash).append('"');
        }
        if (failure != null) {
            json.append(",\"" + FAILURE + "\":");
            JsonText.quote(failure, json);
        }
        return json.append('}').toString();
    }
}
