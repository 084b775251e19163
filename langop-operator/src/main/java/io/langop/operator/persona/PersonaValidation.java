package io.langop.operator.persona;

import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.persona.LanguagePersonaSpec;
import io.langop.api.v1alpha1.persona.PersonaExample;
import io.langop.api.v1alpha1.persona.PersonaRule;
import io.langop.api.v1alpha1.persona.ResponseFormatType;
import io.langop.operator.kube.KubeJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks what the schema cannot: a persona with errors is not used by agents; warnings are worth
 * fixing but do not block it.
 */
final class PersonaValidation {

    record Result(List<String> errors, List<String> warnings) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private PersonaValidation() {}

    static Result validate(LanguagePersona persona) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LanguagePersonaSpec spec = persona.getSpec();
        if (spec == null) {
            return new Result(List.of("spec is missing"), List.of());
        }
        requireText(spec.getDisplayName(), "spec.displayName", errors);
        requireText(spec.getDescription(), "spec.description", errors);
        requireText(spec.getSystemPrompt(), "spec.systemPrompt", errors);

        Set<String> ruleNames = new HashSet<>();
        List<PersonaRule> rules = Objects.requireNonNullElse(spec.getRules(), List.of());
        for (int i = 0; i < rules.size(); i++) {
            PersonaRule rule = rules.get(i);
            String where = "spec.rules[" + i + "]";
            requireText(rule.getName(), where + ".name", errors);
            requireText(rule.getCondition(), where + ".condition", errors);
            requireText(rule.getAction(), where + ".action", errors);
            if (rule.getName() != null && !ruleNames.add(rule.getName())) {
                errors.add(where + ".name '" + rule.getName() + "' is used by an earlier rule");
            }
        }
        List<PersonaExample> examples = Objects.requireNonNullElse(spec.getExamples(), List.of());
        for (int i = 0; i < examples.size(); i++) {
            requireText(examples.get(i).getInput(), "spec.examples[" + i + "].input", errors);
            requireText(examples.get(i).getOutput(), "spec.examples[" + i + "].output", errors);
        }
        var format = spec.getResponseFormat();
        if (format != null && format.getSchema() != null) {
            try {
                KubeJson.mapper().readTree(format.getSchema());
            } catch (Exception e) {
                errors.add("spec.responseFormat.schema is not valid JSON");
            }
            if (format.getType() != ResponseFormatType.JSON && format.getType() != ResponseFormatType.STRUCTURED) {
                warnings.add("spec.responseFormat.schema is only used with type json or structured");
            }
        }
        var tools = spec.getToolPreferences();
        if (tools != null && tools.getPreferredTools() != null && tools.getAvoidTools() != null) {
            tools.getPreferredTools().stream()
                    .filter(tools.getAvoidTools()::contains)
                    .forEach(t -> errors.add("tool " + t + " is both preferred and avoided"));
        }
        var parent = spec.getParentPersona();
        if (parent != null
                && parent.getName().equals(persona.getMetadata().getName())
                && (parent.getNamespace() == null
                        || parent.getNamespace().equals(persona.getMetadata().getNamespace()))) {
            errors.add("spec.parentPersona names the persona itself");
        } else if (parent != null) {
            warnings.add("spec.parentPersona is not applied yet: the persona is used as written");
        }
        return new Result(List.copyOf(errors), List.copyOf(warnings));
    }

    private static void requireText(String value, String field, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(field + " must not be empty");
        }
    }
}
