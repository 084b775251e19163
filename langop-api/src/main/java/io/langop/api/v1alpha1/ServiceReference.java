package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Kubernetes Service as a network peer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceReference {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Name of the Service.")
  private String name;

  @JsonPropertyDescription("Namespace of the Service; defaults to the rule owner's namespace.")
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
