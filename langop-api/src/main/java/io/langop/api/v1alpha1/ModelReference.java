package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** Reference to a LanguageModel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelReference extends NamespacedReference {

    @Default("primary")
    @JsonPropertyDescription("What the model is used for.")
    private ModelRole role;

    @Min(0)
    @JsonPropertyDescription("Lower values are preferred among models of the same role.")
    private Integer priority;

    public ModelRole getRole() {
        return role;
    }

    public void setRole(ModelRole role) {
        this.role = role;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }
}
