package io.langop.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.console.ConsoleConfigFile;
import io.langop.console.chat.ChatRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The console's answers in OpenAI's shapes: error bodies and events its SDKs parse. */
final class OpenAiJson {

    private static final ObjectMapper JSON = ConsoleConfigFile.json();

    private OpenAiJson() {}

    static ObjectNode error(ChatRefusal refusal) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error")
                .put("message", refusal.getMessage())
                .put("type", refusal.type())
                .putNull("param")
                .put("code", refusal.code());
        return body;
    }

    static void sendError(HttpServletResponse response, ChatRefusal refusal) throws IOException {
        response.setStatus(refusal.status());
        if (refusal.retryAfter() != null) {
            response.setHeader(
                    "Retry-After",
                    String.valueOf(Math.max(1, refusal.retryAfter().toSeconds())));
        }
        response.setContentType("application/json;charset=utf-8");
        response.getWriter().write(error(refusal).toString());
    }

    static String notice(String message) {
        return JSON.createObjectNode().put("message", message).toString();
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
