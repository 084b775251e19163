package io.langop.sdk.llm;

/**
 * A failed LLM call. Its message is the client library's, with the API key taken out: error bodies can echo the
 * key, and this message goes on into logs and run outcomes. The original exception is not kept as the cause, for
 * the same reason; its stack trace is.
 */
public final class LlmException extends RuntimeException {

    private final boolean retriable;

    LlmException(RuntimeException failure, String apiKey, boolean retriable) {
        super(failure.getClass().getSimpleName() + ": " + redact(String.valueOf(failure.getMessage()), apiKey));
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
