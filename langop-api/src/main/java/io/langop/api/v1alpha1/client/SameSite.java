package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** SameSite attribute of the session cookie. */
public enum SameSite {
    @JsonProperty("Strict")
    STRICT,
    @JsonProperty("Lax")
    LAX,
    @JsonProperty("None")
    NONE
}
