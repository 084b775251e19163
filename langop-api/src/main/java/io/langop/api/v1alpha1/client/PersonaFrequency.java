package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.langop.api.v1alpha1.Frequency;

/** How often a persona was used. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonaFrequency extends Frequency {

    @Required
    @JsonPropertyDescription("Persona name.")
    private String personaName;

    public String getPersonaName() {
        return personaName;
    }

    public void setPersonaName(String personaName) {
        this.personaName = personaName;
    }
}
