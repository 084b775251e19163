package io.langop.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates langop.io objects against the openAPIV3Schema of their generated CRD with the networknt
 * JSON-schema validator, the way the API server would before it prunes: an unknown field is an
 * error here (the API server would silently drop it, hiding a typo in an example). The CEL rules
 * ({@code x-kubernetes-validations}) are checked separately by {@link CelRules}.
 */
final class CrdSchemaValidator {

    /** OpenAPI 3.0 schema objects plus the Kubernetes extensions, which carry no JSON-schema rule. */
    private static final Dialect KUBERNETES_OPENAPI = Dialect.builder(Dialects.getOpenApi30())
            .keywords(List.of(
                    new NonValidationKeyword("x-kubernetes-int-or-string"),
                    new NonValidationKeyword("x-kubernetes-validations"),
                    new NonValidationKeyword("x-kubernetes-preserve-unknown-fields"),
                    new NonValidationKeyword("x-kubernetes-embedded-resource"),
                    new NonValidationKeyword("x-kubernetes-list-type"),
                    new NonValidationKeyword("x-kubernetes-list-map-keys"),
                    new NonValidationKeyword("x-kubernetes-map-type")))
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(KUBERNETES_OPENAPI);

    private static final Map<String, Schema> SCHEMAS_BY_KIND = new ConcurrentHashMap<>();

    /** Everything the schema of the object's kind rejects, one line per problem; empty if valid. */
    static List<String> violations(JsonNode object) {
        String kind = object.path("kind").asText();
        return SCHEMAS_BY_KIND.computeIfAbsent(kind, CrdSchemaValidator::schemaOf).validate(object).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .sorted()
                .toList();
    }

    /**
     * Every schema default of a kind that its own field schema rejects (the API server refuses such a
     * CRD), as "pointer: problem".
     */
    static List<String> invalidDefaults(String kind) {
        List<String> problems = new ArrayList<>();
        collectInvalidDefaults(GeneratedCrds.openApiSchema(kind), "", problems);
        return problems;
    }

    private CrdSchemaValidator() {}

    private static void collectInvalidDefaults(JsonNode schema, String path, List<String> out) {
        if (schema.has("default")) {
            ObjectNode fieldSchema = ((ObjectNode) schema).deepCopy();
            fieldSchema.remove("default");
            REGISTRY.getSchema(fieldSchema).validate(schema.get("default")).stream()
                    .map(error -> path + ": default " + schema.get("default") + " " + error.getMessage())
                    .forEach(out::add);
        }
        for (var property : schema.path("properties").properties()) {
            collectInvalidDefaults(property.getValue(), path + "/" + property.getKey(), out);
        }
        if (schema.has("items")) {
            collectInvalidDefaults(schema.get("items"), path + "/items", out);
        }
    }

    private static Schema schemaOf(String kind) {
        ObjectNode schema = GeneratedCrds.openApiSchema(kind).deepCopy();
        ObjectNode properties = (ObjectNode) schema.get("properties");
        properties
                .putObject("apiVersion")
                .put("type", "string")
                .putArray("enum")
                .add(LangopApi.API_VERSION);
        properties.putObject("kind").put("type", "string").putArray("enum").add(kind);
        properties.putObject("metadata").put("type", "object").put("additionalProperties", true);
        schema.putArray("required")
                .add("apiVersion")
                .add("kind")
                .add("metadata")
                .add("spec");
        closeObjects(schema);
        return REGISTRY.getSchema(schema);
    }

    /** Makes every object schema with declared properties reject undeclared ones. */
    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties")
                && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(CrdSchemaValidator::closeObjects);
        closeObjects(node.get("items"));
        closeObjects(node.get("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (node.get(combinator) instanceof ArrayNode alternatives) {
                alternatives.forEach(CrdSchemaValidator::closeObjects);
            }
        }
    }
}
