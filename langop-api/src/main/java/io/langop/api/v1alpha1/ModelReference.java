package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Reference to a LanguageModel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelReference {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the LanguageModel.")
  private String name;

  @JsonPropertyDescription(
      "Namespace of the LanguageModel; defaults to the referencing object's namespace.")
  private String namespace;

  @Default("primary")
  @JsonPropertyDescription("What the model is used for.")
  private ModelRole role;

  @Min(0)
  @JsonPropertyDescription("Lower values are preferred among models of the same role.")
  private Integer priority;

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
