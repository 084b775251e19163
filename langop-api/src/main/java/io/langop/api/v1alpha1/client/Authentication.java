package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Authentication of client users. */
@ValidationRule(
        value = "!(self.requireAuthentication && self.allowAnonymous)",
        message = "requireAuthentication and allowAnonymous exclude each other")
@ValidationRule(
        value = "!self.enabled || (has(self.providers) && size(self.providers) > 0)",
        message = "enabled authentication needs at least one provider")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Authentication {

    @Default("false")
    @JsonPropertyDescription("Authenticate users.")
    private Boolean enabled;

    @Size(max = 16)
    @JsonPropertyDescription("Authentication providers.")
    private List<AuthProvider> providers;

    @Default("false")
    @JsonPropertyDescription("Reject anonymous users.")
    private Boolean requireAuthentication;

    @Default("true")
    @JsonPropertyDescription("Allow anonymous users.")
    private Boolean allowAnonymous;

    @JsonPropertyDescription("Role-based access control.")
    private ClientRbac rbac;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public List<AuthProvider> getProviders() {
        return providers;
    }

    public void setProviders(List<AuthProvider> providers) {
        this.providers = providers;
    }

    public Boolean getRequireAuthentication() {
        return requireAuthentication;
    }

    public void setRequireAuthentication(Boolean requireAuthentication) {
        this.requireAuthentication = requireAuthentication;
    }

    public Boolean getAllowAnonymous() {
        return allowAnonymous;
    }

    public void setAllowAnonymous(Boolean allowAnonymous) {
        this.allowAnonymous = allowAnonymous;
    }

    public ClientRbac getRbac() {
        return rbac;
    }

    public void setRbac(ClientRbac rbac) {
        this.rbac = rbac;
    }
}
