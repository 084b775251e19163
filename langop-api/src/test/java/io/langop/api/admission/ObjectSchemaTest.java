package io.langop.api.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ObjectSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ObjectSchema SCHEMA = ObjectSchema.of(json("""
            {"type": "object", "properties": {
              "spec": {"type": "object",
                "x-kubernetes-validations": [{"rule": "!has(self.legacy)", "message": "legacy is gone",
                                              "reason": "FieldValueForbidden"}],
                "properties": {
                  "mode": {"type": "string", "enum": ["fast", "slow"], "default": "slow"},
                  "legacy": {"type": "string"},
                  "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                  "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
                  "items": {"type": "array", "items": {"type": "object", "properties": {"n": {"type": "integer"}}}}
                }}}}
            """));

    @Test
    void undeclaredFieldsAreFoundAtAnyDepthButMapsAndPreservedObjectsStayOpen() {
        JsonNode object = json("""
                {"apiVersion": "x/v1", "kind": "K", "metadata": {"name": "a", "anything": 1},
                 "spec": {"mood": "x", "labels": {"any": "thing"}, "free": {"deep": {"er": 1}},
                          "items": [{"n": 1, "m": 2}]},
                 "extra": true}
                """);

        assertThat(SCHEMA.unknownFields(object)).containsExactly("/spec/mood", "/spec/items/0/m", "/extra");
        assertThat(SCHEMA.admitted(object)).isEqualTo(json("""
                        {"apiVersion": "x/v1", "kind": "K", "metadata": {"name": "a", "anything": 1},
                         "spec": {"mode": "slow", "labels": {"any": "thing"}, "free": {"deep": {"er": 1}},
                                  "items": [{"n": 1}]}}
                        """));
    }

    @Test
    void violationsNameTheFieldAsKubectlDoesWithTheRulesReason() {
        JsonNode object = json("""
                {"spec": {"mode": "quick", "legacy": "on", "items": [{"n": "one"}]}}
                """);

        assertThat(SCHEMA.violations(object))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("spec.mode", "spec.items[0].n", "spec");
        assertThat(SCHEMA.ruleViolations(object))
                .containsExactly(new FieldError("/spec", "FieldValueForbidden", "legacy is gone"));
        assertThat(SCHEMA.violations(json("{\"spec\": {\"mode\": \"fast\"}}"))).isEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
