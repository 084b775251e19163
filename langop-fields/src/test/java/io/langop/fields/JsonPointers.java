package io.langop.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Puts values into JSON objects at a JSON pointer. */
final class JsonPointers {

    private JsonPointers() {}

    /** Puts {@code value} at {@code pointer}, making the objects on the way. */
    static void put(ObjectNode root, String pointer, JsonNode value) {
        String[] steps = pointer.substring(1).split("/", -1);
        ObjectNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = node.get(steps[i]);
            node = next instanceof ObjectNode object ? object : node.putObject(steps[i]);
        }
        node.set(steps[steps.length - 1], value);
    }
}
