package io.langop.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath subset printer columns use: {@code .status.phase}, {@code .spec.ports[0].port} and
 * {@code .status.conditions[?(@.type=="Ready")].status}. Anything else reads as missing (an empty cell), never as an
 * error: a column must not break {@code kubectl get}.
 */
final class JsonPaths {

    private static final Pattern STEP = Pattern.compile(
            "\\.([A-Za-z0-9_$-]+)|\\[(\\d+)]|\\[\\?\\(@\\.([A-Za-z0-9_-]+)\\s*==\\s*[\"']([^\"']*)[\"']\\)]");

    private JsonPaths() {}

    static JsonNode read(JsonNode object, String path) {
        String expression = path.strip();
        if (expression.startsWith("{") && expression.endsWith("}")) {
            expression = expression.substring(1, expression.length() - 1);
        }
        if (expression.startsWith("$")) {
            expression = expression.substring(1);
        }
        Matcher step = STEP.matcher(expression);
        JsonNode node = object;
        int at = 0;
        while (at < expression.length()) {
            if (!step.find(at) || step.start() != at) {
                return MissingNode.getInstance();
            }
            if (step.group(1) != null) {
                node = node.path(step.group(1));
            } else if (step.group(2) != null) {
                node = node.path(Integer.parseInt(step.group(2)));
            } else {
                node = firstWhere(node, step.group(3), step.group(4));
            }
            at = step.end();
        }
        return node;
    }

    private static JsonNode firstWhere(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.path(field).asText("").equals(value)) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }
}
