package io.langop.sdk.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.sdk.content.SensitiveData;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tool call's arguments as people see them, deciding on it or watching a chat, in the agent's status and logs: the
 * values of fields named like secrets ({@code password}, {@code token}, {@code apiKey}...) and API keys anywhere are
 * replaced. Other personal data (an e-mail recipient) stays: it is what the person decides on.
 */
public final class ArgumentRedaction {

    static final String REDACTED = "<redacted>";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(pass(word|phrase)?|secret|token|api[-_]?key|authorization|credential|private[-_]?key|cookie).*");

    private ArgumentRedaction() {}

    public static JsonNode redact(JsonNode arguments) {
        if (arguments.isObject()) {
            ObjectNode redacted = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : arguments.properties()) {
                redacted.set(
                        field.getKey(),
                        SECRET_NAME.matcher(field.getKey()).matches()
                                ? JsonNodeFactory.instance.textNode(REDACTED)
                                : redact(field.getValue()));
            }
            return redacted;
        }
        if (arguments.isArray()) {
            var redacted = JsonNodeFactory.instance.arrayNode();
            arguments.forEach(element -> redacted.add(redact(element)));
            return redacted;
        }
        if (arguments.isTextual()) {
            return JsonNodeFactory.instance.textNode(
                    SensitiveData.redact(arguments.textValue(), EnumSet.of(SensitiveData.Kind.API_KEY)));
        }
        return arguments;
    }
}
