package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an Ingress path matches. */
public enum PathType {
    @JsonProperty("Exact")
    EXACT,
    @JsonProperty("Prefix")
    PREFIX,
    @JsonProperty("ImplementationSpecific")
    IMPLEMENTATION_SPECIFIC
}
