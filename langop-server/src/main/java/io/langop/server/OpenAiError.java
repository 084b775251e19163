package io.langop.server;

import static io.langop.wire.JsonText.quoted;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error body OpenAI clients parse, {@code {"error": {message, type, param, code}}}: the one writer of it for
 * the servers built here (the agent's and the console's OpenAI-compatible APIs, and what Jetty answers itself
 * before any servlet runs, {@link JsonErrorHandler}).
 */
public final class OpenAiError {

    private OpenAiError() {}

    /** The body; {@code param} and {@code code} may be null. */
    public static String json(String message, String type, String param, String code) {
        return "{\"error\":{\"message\":" + quoted(message) + ",\"type\":" + quoted(type) + ",\"param\":"
                + quoted(param) + ",\"code\":" + quoted(code) + "}}";
    }

    /** Answers the status with the body, as UTF-8 JSON. */
    public static void send(
            HttpServletResponse response, int status, String message, String type, String param, String code)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.getWriter().write(json(message, type, param, code));
    }
}
