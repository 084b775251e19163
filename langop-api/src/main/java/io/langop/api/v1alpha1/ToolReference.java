package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Reference to a LanguageTool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolReference {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the LanguageTool.")
  private String name;

  @JsonPropertyDescription(
      "Namespace of the LanguageTool; defaults to the referencing object's namespace.")
  private String namespace;

  @Default("true")
  @JsonPropertyDescription(
      "Whether the tool is offered; false keeps the reference but withholds the tool.")
  private Boolean enabled;

  @Default("false")
  @JsonPropertyDescription("Whether a human must approve each call of this tool.")
  private Boolean requireApproval;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

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
