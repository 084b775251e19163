package io.langop.agent.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Error bodies in the shape OpenAI clients parse: {@code {"error": {message, type, param, code}}}. */
final class OpenAiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiErrors() {}

    static void send(HttpServletResponse response, int status, String type, String message, String param, String code)
            throws IOException {
        var error = JSON.createObjectNode();
        error.putObject("error")
                .put("message", message)
                .put("type", type)
                .put("param", param)
                .put("code", code);
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(error.toString());
    }

    static void invalidRequest(HttpServletResponse response, String message, String param) throws IOException {
        send(response, 400, "invalid_request_error", message, param, null);
    }
}
