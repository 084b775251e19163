package io.langop.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.langop.api.v1alpha1.Patterns;
import io.langop.api.v1alpha1.SecretKeyReference;

/**
 * Signing in to the dashboard through an OpenID Connect provider, as a LanguageClient's {@code oidc} provider does:
 * the same settings under the same names ({@code issuer}, {@code clientId}, {@code audience}, {@code scopes}), typed
 * here because the dashboard has exactly one such provider.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DashboardOidc {

    @Required
    @Pattern(Patterns.HTTP_URL)
    @JsonPropertyDescription("The issuer's URL; its /.well-known/openid-configuration names the endpoints and keys.")
    private String issuer;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("The dashboard's client id at the issuer; the audience of the ID tokens of a sign-in.")
    private String clientId;

    @JsonPropertyDescription("Secret whose key holds the client secret. Without it the dashboard signs in as a public"
            + " client (authorization code with PKCE only).")
    private SecretKeyReference clientSecretRef;

    @Size(min = 1)
    @JsonPropertyDescription("The audience that bearer tokens of programs must name; default the client id.")
    private String audience;

    @Size(min = 1)
    @JsonPropertyDescription("The scopes a sign-in asks for, separated by spaces; default 'openid profile email'.")
    private String scopes;

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public SecretKeyReference getClientSecretRef() {
        return clientSecretRef;
    }

    public void setClientSecretRef(SecretKeyReference clientSecretRef) {
        this.clientSecretRef = clientSecretRef;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }
}
