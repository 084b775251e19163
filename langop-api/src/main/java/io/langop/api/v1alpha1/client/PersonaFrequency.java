package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** How often a persona was used. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonaFrequency {

  @Required
  @JsonPropertyDescription("Persona name.")
  private String personaName;

  @Required
  @JsonPropertyDescription("Uses.")
  private Long count;

  @JsonPropertyDescription("Share in percent.")
  private Double percentage;

  public String getPersonaName() {
    return personaName;
  }

  public void setPersonaName(String personaName) {
    this.personaName = personaName;
  }

  public Long getCount() {
    return count;
  }

  public void setCount(Long count) {
    this.count = count;
  }

  public Double getPercentage() {
    return percentage;
  }

  public void setPercentage(Double percentage) {
    this.percentage = percentage;
  }
}
