package io.langop.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the API server would say of an object: its schema's violations, then its CEL rules' messages. */
public final class ApiValidation {

    private ApiValidation() {}

    public static List<String> violations(JsonNode object) {
        List<String> violations = new ArrayList<>(CrdSchemaValidator.violations(object));
        violations.addAll(CelRules.violations(object));
        return violations;
    }
}
