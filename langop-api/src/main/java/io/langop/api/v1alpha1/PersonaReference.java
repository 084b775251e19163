package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Reference to a LanguagePersona. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonaReference {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the LanguagePersona.")
  private String name;

  @JsonPropertyDescription(
      "Namespace of the LanguagePersona; defaults to the referencing object's namespace.")
  private String namespace;

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
}
