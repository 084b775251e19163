package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A conditional behaviour of a persona. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonaRule {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Unique name of the rule.")
    private String name;

    @JsonPropertyDescription("What the rule is for.")
    private String description;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("When the rule applies, e.g. 'when asked about pricing'.")
    private String condition;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("What the persona does then.")
    private String action;

    @Default("100")
    @Min(0)
    @JsonPropertyDescription("Lower values are applied first.")
    private Integer priority;

    @Default("true")
    @JsonPropertyDescription("Whether the rule is applied.")
    private Boolean enabled;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
