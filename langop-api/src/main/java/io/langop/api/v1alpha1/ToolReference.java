package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Reference to a LanguageTool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolReference extends NamespacedReference {

    @Default("true")
    @JsonPropertyDescription("Whether the tool is offered; false keeps the reference but withholds the tool.")
    private Boolean enabled;

    @Default("false")
    @JsonPropertyDescription("Whether a human must approve each call of this tool.")
    private Boolean requireApproval;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Boolean getRequireApproval() {
        return requireApproval;
    }

    public void setRequireApproval(Boolean requireApproval) {
        this.requireApproval = requireApproval;
    }
}
