package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A role of the client's access control. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientRole {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Role name.")
    private String name;

    @JsonPropertyDescription("Permissions granted.")
    private List<String> permissions;

    @JsonPropertyDescription("Models the role may use.")
    private List<String> modelAccess;

    @JsonPropertyDescription("Tools the role may use.")
    private List<String> toolAccess;

    @JsonPropertyDescription("Personas the role may use.")
    private List<String> personaAccess;

    @JsonPropertyDescription("Agents the role may invoke.")
    private List<String> agentAccess;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getPermissions() {
        return permissions;
    }

    public void setPermissions(List<String> permissions) {
        this.permissions = permissions;
    }

    public List<String> getModelAccess() {
        return modelAccess;
    }

    public void setModelAccess(List<String> modelAccess) {
        this.modelAccess = modelAccess;
    }

    public List<String> getToolAccess() {
        return toolAccess;
    }

    public void setToolAccess(List<String> toolAccess) {
        this.toolAccess = toolAccess;
    }

    public List<String> getPersonaAccess() {
        return personaAccess;
    }

    public void setPersonaAccess(List<String> personaAccess) {
        this.personaAccess = personaAccess;
    }

    public List<String> getAgentAccess() {
        return agentAccess;
    }

    public void setAgentAccess(List<String> agentAccess) {
        this.agentAccess = agentAccess;
    }
}
