package io.langop.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.api.admission.FieldError;
import io.langop.api.admission.ObjectSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates langop.io objects against the openAPIV3Schema of their freshly generated CRD, the way the API server
 * would under strict field validation: an unknown field is an error here (the API server would silently drop it
 * without {@code fieldValidation=Strict}, hiding a typo in an example). The CEL rules are checked separately by
 * {@link CelRules}.
 */
final class CrdSchemaValidator {

    private static final Map<String, ObjectSchema> SCHEMAS_BY_KIND = new ConcurrentHashMap<>();

    private CrdSchemaValidator() {}

    /** Everything the schema of the object's kind rejects, one line per problem; empty if valid. */
    static List<String> violations(JsonNode object) {
        String kind = object.path("kind").asText();
        List<String> violations = new ArrayList<>();
        if (!LangopApi.API_VERSION.equals(object.path("apiVersion").asText())) {
            violations.add("/apiVersion: must be " + LangopApi.API_VERSION);
        }
        if (!object.has("spec")) {
            violations.add("/: required property 'spec' not found");
        }
        ObjectSchema schema = schemaOf(kind);
        for (String unknown : schema.unknownFields(object)) {
            int slash = unknown.lastIndexOf('/');
            String parent = slash == 0 ? "/" : unknown.substring(0, slash);
            violations.add(parent + ": property '" + unknown.substring(slash + 1) + "' is not defined in the schema");
        }
        schema.structuralViolations(object).stream().map(FieldError::toString).forEach(violations::add);
        return violations.stream().sorted().toList();
    }

    /** Every schema default of a kind that its own field schema rejects, as "pointer: problem". */
    static List<String> invalidDefaults(String kind) {
        return schemaOf(kind).invalidDefaults().stream()
                .map(FieldError::toString)
                .toList();
    }

    static ObjectSchema schemaOf(String kind) {
        return SCHEMAS_BY_KIND.computeIfAbsent(kind, k -> ObjectSchema.of(GeneratedCrds.openApiSchema(k)));
    }
}
