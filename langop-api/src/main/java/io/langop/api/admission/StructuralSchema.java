package io.langop.api.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI part of a CRD's schema (types, required fields, enums, bounds, patterns, sizes), checked with the
 * networknt JSON-schema validator. Undeclared fields are {@link UnknownFields}' business, CEL rules
 * {@link ValidationRules}'.
 */
final class StructuralSchema {

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

    private final Schema compiled;

    StructuralSchema(JsonNode openApiV3Schema) {
        ObjectNode schema = openApiV3Schema.deepCopy();
        // metadata is the API server's own business; a CRD may not constrain it beyond name and generateName
        schema.withObject("properties").putObject("metadata").put("type", "object");
        this.compiled = REGISTRY.getSchema(schema);
    }

    List<FieldError> violations(JsonNode object) {
        return compiled.validate(object).stream()
                .map(error ->
                        new FieldError(error.getInstanceLocation().toString(), FieldError.INVALID, error.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::toString))
                .toList();
    }

    /** Every default the field's own schema rejects (the API server refuses such a CRD). */
    static List<FieldError> invalidDefaults(JsonNode schema) {
        List<FieldError> problems = new ArrayList<>();
        collectInvalidDefaults(schema, "", problems);
        return problems;
    }

    private static void collectInvalidDefaults(JsonNode schema, String path, List<FieldError> out) {
        if (schema.has("default")) {
            ObjectNode fieldSchema = ((ObjectNode) schema).deepCopy();
            fieldSchema.remove("default");
            REGISTRY.getSchema(fieldSchema).validate(schema.get("default")).stream()
                    .map(error -> new FieldError(
                            path, FieldError.INVALID, "default " + schema.get("default") + " " + error.getMessage()))
                    .forEach(out::add);
        }
        for (var property : schema.path("properties").properties()) {
            collectInvalidDefaults(property.getValue(), path + "/" + property.getKey(), out);
        }
        if (schema.has("items")) {
            collectInvalidDefaults(schema.get("items"), path + "/items", out);
        }
    }
}
