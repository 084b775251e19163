package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A model to use when this one fails. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelFallback {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Name of another LanguageModel (same namespace).")
    private String modelRef;

    @JsonPropertyDescription("The failures of this model, after its retries, that send a request to this fallback:"
            + " timeout, rate-limit, error (5xx, unreachable); none means any. A request the model refused as invalid"
            + " never falls back.")
    private List<FallbackCondition> conditions;

    public String getModelRef() {
        return modelRef;
    }

    public void setModelRef(String modelRef) {
        this.modelRef = modelRef;
    }

    public List<FallbackCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<FallbackCondition> conditions) {
        this.conditions = conditions;
    }
}
