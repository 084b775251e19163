package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A model to use when this one fails. */
@ValidationRule(
        value = "!has(self.conditions)",
        message = "fallback conditions are not supported yet: a fallback is tried on every failure retries did not fix"
                + " (timeouts, unreachable endpoints, 5xx and 429 answers), never on a request the model refused as"
                + " invalid")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelFallback {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Name of another LanguageModel (same namespace).")
    private String modelRef;

    @JsonPropertyDescription("When to fall back: not supported yet, refused.")
    private List<String> conditions;

    public String getModelRef() {
        return modelRef;
    }

    public void setModelRef(String modelRef) {
        this.modelRef = modelRef;
    }

    public List<String> getConditions() {
        return conditions;
    }

    public void setConditions(List<String> conditions) {
        this.conditions = conditions;
    }
}
