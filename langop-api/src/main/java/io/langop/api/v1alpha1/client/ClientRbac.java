package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Role-based access control of a client. */
@ValidationRule(
        value = "!self.enabled && !has(self.roles)",
        message =
                "rbac is not supported yet: every signed-in user of a client may use all of its models, tools and agents")
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
