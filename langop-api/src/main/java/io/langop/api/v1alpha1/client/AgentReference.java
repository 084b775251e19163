package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.langop.api.v1alpha1.NamespacedReference;

/** An agent a client lets users invoke. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentReference extends NamespacedReference {

    @Default("true")
    @JsonPropertyDescription("Whether users can invoke the agent.")
    private Boolean enabled;

    @JsonPropertyDescription("Label shown to users.")
    private String displayName;

    @JsonPropertyDescription("Description shown to users.")
    private String description;

    @JsonPropertyDescription("Icon shown to users.")
    private String icon;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getIcon() {
        return icon;
    }

    public void setIcon(String icon) {
        this.icon = icon;
    }
}
