package io.langop.api.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema of one version of a custom resource ({@code openAPIV3Schema} of its CRD), applied to an object the way
 * the API server admits it on create and update: defaults filled in, undeclared fields found (to prune, or to
 * refuse under strict field validation), then the OpenAPI constraints and the CEL rules checked. {@code langop
 * local}'s API server uses it so that what a cluster would refuse is refused there too; the API module's tests use
 * it to hold the examples and the documented refusals to the same rules.
 */
public final class ObjectSchema {

    private final JsonNode schema;
    private final StructuralSchema structural;

    private ObjectSchema(JsonNode schema) {
        this.schema = schema;
        this.structural = new StructuralSchema(schema);
    }

    public static ObjectSchema of(JsonNode openApiV3Schema) {
        return new ObjectSchema(openApiV3Schema);
    }

    /** The object as it would be stored: defaults filled in and undeclared fields dropped. */
    public JsonNode admitted(JsonNode object) {
        return SchemaDefaults.applied(schema, UnknownFields.pruned(schema, object));
    }

    /** A copy with the schema's defaults filled in. */
    public JsonNode defaulted(JsonNode object) {
        return SchemaDefaults.applied(schema, object);
    }

    /** JSON pointers of the fields the schema does not declare. */
    public List<String> unknownFields(JsonNode object) {
        return UnknownFields.in(schema, object);
    }

    /**
     * Why the object is refused, undeclared fields aside: the OpenAPI constraints first, then the CEL rules over the
     * defaulted object; empty when it is valid.
     */
    public List<FieldError> violations(JsonNode object) {
        List<FieldError> violations = new ArrayList<>(structuralViolations(object));
        violations.addAll(ruleViolations(object));
        return violations;
    }

    /** The OpenAPI constraints the object breaks (types, required, enums, bounds, patterns, sizes). */
    public List<FieldError> structuralViolations(JsonNode object) {
        return structural.violations(UnknownFields.pruned(schema, object));
    }

    /** The CEL rules the defaulted object breaks. */
    public List<FieldError> ruleViolations(JsonNode object) {
        return ValidationRules.violations(schema, defaulted(object));
    }

    /** Defaults their own field's schema rejects: a CRD the API server would refuse. */
    public List<FieldError> invalidDefaults() {
        return StructuralSchema.invalidDefaults(schema);
    }
}
