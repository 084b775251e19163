package io.langop.proxy.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.openai.InvalidRequestException;
import io.langop.proxy.openai.Json;
import java.io.IOException;

/** Translates a chat completions request into a Messages API request. */
final class AnthropicRequests {

    private AnthropicRequests() {}

    static ObjectNode toMessages(ObjectNode request, String upstreamModel, boolean stream) {
        ObjectNode out = Json.object();
        out.put("model", upstreamModel);
        JsonNode maxTokens =
                request.has("max_completion_tokens") ? request.get("max_completion_tokens") : request.get("max_tokens");
        out.put(
                "max_tokens",
                maxTokens != null && maxTokens.canConvertToInt()
                        ? maxTokens.asInt()
                        : AnthropicProtocol.DEFAULT_MAX_TOKENS);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = out.putArray("messages");
        JsonNode input = request.get("messages");
        for (int i = 0; i < input.size(); i++) {
            JsonNode message = input.get(i);
            String role = message.path("role").asText();
            String where = "messages[" + i + "]";
            switch (role) {
                case "system", "developer" -> {
                    if (!system.isEmpty()) {
                        system.append("\n\n");
                    }
                    system.append(text(message.get("content"), where));
                }
                case "user" -> append(messages, "user", userBlocks(message.get("content"), where));
                case "assistant" -> append(messages, "assistant", assistantBlocks(message, where));
                case "tool" -> {
                    ArrayNode blocks = Json.MAPPER.createArrayNode();
                    ObjectNode result = blocks.addObject();
                    result.put("type", "tool_result");
                    result.put("tool_use_id", message.path("tool_call_id").asText());
                    result.put("content", text(message.get("content"), where));
                    append(messages, "user", blocks);
                }
                default ->
                    throw InvalidRequestException.of(
                            "Invalid value for '" + where + ".role': '" + role + "'.", where + ".role");
            }
        }
        if (!system.isEmpty()) {
            out.put("system", system.toString());
        }
        copyNumber(request, "temperature", out, "temperature");
        copyNumber(request, "top_p", out, "top_p");
        JsonNode stop = request.get("stop");
        if (stop != null && stop.isTextual()) {
            out.putArray("stop_sequences").add(stop.asText());
        } else if (stop != null && stop.isArray()) {
            out.set("stop_sequences", stop);
        }
        JsonNode tools = request.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            ArrayNode translated = out.putArray("tools");
            for (JsonNode tool : tools) {
                JsonNode function = tool.path("function");
                ObjectNode t = translated.addObject();
                t.put("name", function.path("name").asText());
                if (function.hasNonNull("description")) {
                    t.put("description", function.get("description").asText());
                }
                t.set(
                        "input_schema",
                        function.hasNonNull("parameters")
                                ? function.get("parameters")
                                : Json.object().put("type", "object"));
            }
            toolChoice(request.get("tool_choice"), request.get("parallel_tool_calls"), out);
        }
        if (request.path("user").isTextual()) {
            out.putObject("metadata").put("user_id", request.get("user").asText());
        }
        if (stream) {
            out.put("stream", true);
        }
        return out;
    }

    private static void toolChoice(JsonNode choice, JsonNode parallel, ObjectNode out) {
        ObjectNode translated = Json.object();
        if (choice == null || choice.isNull() || "auto".equals(choice.asText())) {
            translated.put("type", "auto");
        } else if ("none".equals(choice.asText())) {
            translated.put("type", "none");
        } else if ("required".equals(choice.asText())) {
            translated.put("type", "any");
        } else if (choice.path("function").path("name").isTextual()) {
            translated
                    .put("type", "tool")
                    .put("name", choice.path("function").path("name").asText());
        } else {
            throw InvalidRequestException.of("Invalid value for 'tool_choice'.", "tool_choice");
        }
        if (parallel != null
                && parallel.isBoolean()
                && !parallel.asBoolean()
                && !"none".equals(choice == null ? "" : choice.asText())) {
            translated.put("disable_parallel_tool_use", true);
        }
        out.set("tool_choice", translated);
    }

    private static ArrayNode userBlocks(JsonNode content, String where) {
        ArrayNode blocks = Json.MAPPER.createArrayNode();
        if (content != null && content.isArray()) {
            for (JsonNode part : content) {
                switch (part.path("type").asText()) {
                    case "text" ->
                        blocks.addObject()
                                .put("type", "text")
                                .put("text", part.path("text").asText());
                    case "image_url" ->
                        blocks.add(image(part.path("image_url").path("url").asText(), where));
                    default ->
                        throw InvalidRequestException.of(
                                "Unsupported content part type '"
                                        + part.path("type").asText() + "' in '" + where + ".content'.",
                                where + ".content");
                }
            }
        } else {
            blocks.addObject().put("type", "text").put("text", text(content, where));
        }
        return blocks;
    }

    private static ObjectNode image(String url, String where) {
        ObjectNode image = Json.object().put("type", "image");
        ObjectNode source = image.putObject("source");
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            int semicolon = url.indexOf(';');
            if (comma < 0 || semicolon < 0 || semicolon > comma) {
                throw InvalidRequestException.of("Invalid image data URL in '" + where + "'.", where + ".content");
            }
            source.put("type", "base64")
                    .put("media_type", url.substring(5, semicolon))
                    .put("data", url.substring(comma + 1));
        } else {
            source.put("type", "url").put("url", url);
        }
        return image;
    }

    private static ArrayNode assistantBlocks(JsonNode message, String where) {
        ArrayNode blocks = Json.MAPPER.createArrayNode();
        JsonNode content = message.get("content");
        if (content != null && !content.isNull()) {
            String text = text(content, where);
            if (!text.isEmpty()) {
                blocks.addObject().put("type", "text").put("text", text);
            }
        }
        JsonNode calls = message.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            ObjectNode use = blocks.addObject();
            use.put("type", "tool_use");
            use.put("id", call.path("id").asText());
            use.put("name", call.path("function").path("name").asText());
            String arguments = call.path("function").path("arguments").asText("{}");
            try {
                use.set("input", arguments.isBlank() ? Json.object() : Json.read(arguments));
            } catch (IOException e) {
                throw InvalidRequestException.of(
                        "'" + where + ".tool_calls[" + i + "].function.arguments' is not valid JSON.",
                        where + ".tool_calls");
            }
        }
        return blocks;
    }

    /** Text of a content field that is a string or an array of text parts. */
    private static String text(JsonNode content, String where) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                text.append(part.path("text").asText());
            }
            return text.toString();
        }
        throw InvalidRequestException.of(
                "'" + where + ".content' must be a string or an array of parts.", where + ".content");
    }

    /** Messages API turns alternate; consecutive same-role messages (e.g. several tool results) are merged. */
    private static void append(ArrayNode messages, String role, ArrayNode blocks) {
        if (!messages.isEmpty()
                && messages.get(messages.size() - 1).path("role").asText().equals(role)) {
            ((ArrayNode) messages.get(messages.size() - 1).get("content")).addAll(blocks);
            return;
        }
        ObjectNode message = messages.addObject();
        message.put("role", role);
        message.set("content", blocks);
    }

    private static void copyNumber(ObjectNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        if (value != null && value.isNumber()) {
            to.set(as, value);
        }
    }
}
