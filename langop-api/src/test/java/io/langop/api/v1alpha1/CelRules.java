package io.langop.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import io.langop.api.admission.FieldError;
import io.langop.api.admission.ValidationRules;
import java.util.List;

/** The {@code x-kubernetes-validations} CEL rules of the freshly generated CRDs, as the API server evaluates them. */
final class CelRules {

    private CelRules() {}

    /** The messages of every rule the (defaulted) object breaks, as "pointer: message"; empty if it passes all. */
    static List<String> violations(JsonNode object) {
        return CrdSchemaValidator.schemaOf(object.path("kind").asText()).ruleViolations(object).stream()
                .map(FieldError::toString)
                .toList();
    }

    /** Every rule of a kind's schema, wherever it is nested. */
    static List<ValidationRules.Rule> rulesOf(String kind) {
        return ValidationRules.in(GeneratedCrds.openApiSchema(kind));
    }

    /** Compiles a rule; throws with the compiler's diagnostics if it is not valid CEL. */
    static CelAbstractSyntaxTree compile(String expression) throws CelValidationException {
        return ValidationRules.compile(expression);
    }
}
