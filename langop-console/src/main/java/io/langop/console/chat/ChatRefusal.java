package io.langop.console.chat;

import java.io.IOException;
import java.time.Duration;

/**
 * A chat request the console does not answer, with the HTTP status and OpenAI error code it is told with: a rate
 * limit (429), a blocked message (400), an upstream that failed or cannot be reached (502).
 */
public final class ChatRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    public ChatRefusal(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ChatRefusal(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /**
     * An agent or model the console could not connect to or lost mid-request. The JDK client's connection errors
     * often carry no message ("cannot be reached: null" told nobody anything), so the failure's kind stands in.
     */
    public static ChatRefusal unreachable(String target, IOException cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ChatRefusal(502, "upstream_unavailable", target + " cannot be reached: " + why);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** OpenAI's error type for the status, which its SDKs map to exception classes. */
    public String type() {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            default -> "server_error";
        };
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
