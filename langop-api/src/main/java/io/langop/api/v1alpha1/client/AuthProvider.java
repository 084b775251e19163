package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.langop.api.v1alpha1.SecretKeyReference;
import java.util.Map;

/** An authentication provider. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuthProvider {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Provider name.")
    private String name;

    @Required
    @JsonPropertyDescription("Kind of provider.")
    private AuthProviderType type;

    @JsonPropertyDescription("Provider settings (issuer URL, client id...); secrets belong in secretRef.")
    private Map<String, String> config;

    @JsonPropertyDescription("Credential of the provider.")
    private SecretKeyReference secretRef;

    @Default("true")
    @JsonPropertyDescription("Whether the provider is offered.")
    private Boolean enabled;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public AuthProviderType getType() {
        return type;
    }

    public void setType(AuthProviderType type) {
        this.type = type;
    }

    public Map<String, String> getConfig() {
        return config;
    }

    public void setConfig(Map<String, String> config) {
        this.config = config;
    }

    public SecretKeyReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeyReference secretRef) {
        this.secretRef = secretRef;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
