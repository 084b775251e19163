package io.langop.wire;

import java.util.regex.Pattern;

/**
 * What an agent tells its model proxy when a run ends ({@link ServiceWire#PROXY_RUNS_PATH}): a JSON object
 * {@code {"result": "succeeded", "succeeded": true}}. The proxy counts runs per client key beside the tokens and
 * cost it already counts, and the operator reads both from one place.
 *
 * @param result    how the run ended, as the runtime's metrics name it: {@code succeeded}, {@code failed},
 *                  {@code stuck}, {@code constraint_<kind>}; lower-case letters and underscores only
 * @param succeeded whether the run counts as a success
 */
public record RunReport(String result, boolean succeeded) {

    public static final String RESULT = "result";
    public static final String SUCCEEDED = "succeeded";
    /** Long enough for every result the runtime names, short enough that a report stays a few bytes. */
    public static final int MAX_RESULT_LENGTH = 64;

    private static final Pattern RESULT_PATTERN = Pattern.compile("[a-z_]{1," + MAX_RESULT_LENGTH + "}");

    public RunReport {
        if (result == null || !RESULT_PATTERN.matcher(result).matches()) {
            throw new IllegalArgumentException(
                    "a run's result is 1 to " + MAX_RESULT_LENGTH + " lower-case letters or underscores: " + result);
        }
    }

    /** The body of the report (no escaping needed: the result's characters need none). */
    public String toJson() {
        return "{\"" + RESULT + "\":\"" + result + "\",\"" + SUCCEEDED + "\":" + succeeded + "}";
    }
}
