package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An agent a client lets users invoke. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentReference {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the LanguageAgent.")
  private String name;

  @JsonPropertyDescription("Namespace of the LanguageAgent; defaults to the client's namespace.")
  private String namespace;

  @Default("true")
  @JsonPropertyDescription("Whether users can invoke the agent.")
  private Boolean enabled;

  @JsonPropertyDescription("Label shown to users.")
  private String displayName;

  @JsonPropertyDescription("Description shown to users.")
  private String description;

  @JsonPropertyDescription("Icon shown to users.")
  private String icon;

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
