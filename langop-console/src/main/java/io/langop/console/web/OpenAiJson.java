package io.langop.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.console.ConsoleConfigFile;
import io.langop.console.chat.ChatRefusal;
import io.langop.server.OpenAiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The console's answers in OpenAI's shapes: error bodies and events its SDKs parse. */
final class OpenAiJson {

    private static final ObjectMapper JSON = ConsoleConfigFile.json();

    private OpenAiJson() {}

    static String error(ChatRefusal refusal) {
        return OpenAiError.json(refusal.getMessage(), refusal.type(), null, refusal.code());
    }

    static void sendError(HttpServletResponse response, ChatRefusal refusal) throws IOException {
        if (refusal.retryAfter() != null) {
            response.setHeader(
                    "Retry-After",
                    String.valueOf(Math.max(1, refusal.retryAfter().toSeconds())));
        }
        OpenAiError.send(response, refusal.status(), refusal.getMessage(), refusal.type(), null, refusal.code());
    }

    static String notice(String message) {
        return JSON.createObjectNode().put("message", message).toString();
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
