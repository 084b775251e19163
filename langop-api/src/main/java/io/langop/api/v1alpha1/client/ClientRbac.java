package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.List;

/** Role-based access control of a client. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientRbac {

    @Default("false")
    @JsonPropertyDescription("Enforce roles.")
    private Boolean enabled;

    @JsonPropertyDescription("Roles.")
    private List<ClientRole> roles;

    @Default("user")
    @JsonPropertyDescription("Role of users without an explicit one.")
    private String defaultRole;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public List<ClientRole> getRoles() {
        return roles;
    }

    public void setRoles(List<ClientRole> roles) {
        this.roles = roles;
    }

    public String getDefaultRole() {
        return defaultRole;
    }

    public void setDefaultRole(String defaultRole) {
        this.defaultRole = defaultRole;
    }
}
