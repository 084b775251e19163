package io.langop.sdk.llm;

/**
 * A failed LLM call. Its message is the client library's, with the API key taken out: error bodies can echo the
 * key, and this message goes on into logs and run outcomes. The original exception is not kept as the cause, for
 * the same reason; its stack trace is.
 */
public final class LlmException extends RuntimeException {

    private final boolean retriable;

    LlmException(RuntimeException failure, String apiKey, boolean retriable) {
        super(failure.getClass().getSimpleName() + ": " + redact(reason(failure), apiKey));
        this.retriable = retriable;
        setStackTrace(failure.getStackTrace());
    }

    /** Whether the call may succeed when made again: rate limited (429), a server error (5xx) or a timeout. */
    public boolean retriable() {
        return retriable;
    }

    /**
     * Why the call failed, in words: the first message along the causes, else what the cause says about the
     * connection (a client that could not resolve or reach the server often carries no message at all, and
     * {@code ": null"} told nobody anything).
     */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String plain = switch (cause) {
                case java.nio.channels.UnresolvedAddressException unresolved ->
                    "the server's host name does not resolve";
                case java.net.UnknownHostException unknown -> "the server's host name does not resolve";
                case java.net.ConnectException refused -> "the server refused the connection";
                case java.net.http.HttpTimeoutException late -> "the server did not answer in time";
                case java.net.SocketTimeoutException late -> "the server did not answer in time";
                default -> null;
            };
            if (plain != null) {
                return plain + " (" + cause.getClass().getSimpleName() + "); check the endpoint and that it runs";
            }
        }
        return "no reason given (" + chain(failure) + ")";
    }

    private static String chain(Throwable failure) {
        StringBuilder types = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            types.append(" caused by ").append(cause.getClass().getSimpleName());
        }
        return types.toString();
    }

    private static String redact(String message, String apiKey) {
        return apiKey == null || apiKey.isBlank() ? message : message.replace(apiKey, "<redacted>");
    }
}
