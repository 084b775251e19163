package io.langop.sdk.llm;

import io.langop.sdk.errors.Causes;

/**
 * A failed LLM call, saying which endpoint and model failed and why, in words: {@code LLM call to
 * http://proxy:8080/v1 (model gpt-4o) failed: UnresolvedAddressException: the server's host name does not
 * resolve; check the endpoint and that it runs}. The API key is taken out of the message: error bodies can
 * echo the key, and this message goes on into logs, run outcomes and conditions. The original exception is
 * not kept as the cause, for the same reason; its stack trace is.
 */
public final class LlmException extends RuntimeException {

    private final boolean retriable;

    LlmException(String endpoint, String model, RuntimeException failure, String apiKey, boolean retriable) {
        super(redact(
                "LLM call to " + endpoint + " (model " + model + ") failed: " + Causes.describe(failure)
                        + (Causes.isUnreachable(failure) ? "; check the endpoint and that it runs" : ""),
                apiKey));
        this.retriable = retriable;
        setStackTrace(failure.getStackTrace());
    }

    /** Whether the call may succeed when made again: rate limited (429), a server error (5xx) or a timeout. */
    public boolean retriable() {
        return retriable;
    }

    private static String redact(String message, String apiKey) {
        return apiKey == null || apiKey.isBlank() ? message : message.replace(apiKey, "<redacted>");
    }
}
