package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of authentication provider. */
public enum AuthProviderType {
    @JsonProperty("oauth2")
    OAUTH2,
    @JsonProperty("oidc")
    OIDC,
    @JsonProperty("saml")
    SAML,
    @JsonProperty("ldap")
    LDAP,
    @JsonProperty("basic")
    BASIC,
    @JsonProperty("api-key")
    API_KEY
}
