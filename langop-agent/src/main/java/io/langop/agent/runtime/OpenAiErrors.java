package io.langop.agent.runtime;

import io.langop.server.OpenAiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The chat API's shorthands for {@link OpenAiError}, the error bodies OpenAI clients parse. */
final class OpenAiErrors {

    private OpenAiErrors() {}

    static void send(HttpServletResponse response, int status, String type, String message, String param, String code)
            throws IOException {
        OpenAiError.send(response, status, message, type, param, code);
    }

    static void invalidRequest(HttpServletResponse response, String message, String param) throws IOException {
        send(response, 400, "invalid_request_error", message, param, null);
    }
}
