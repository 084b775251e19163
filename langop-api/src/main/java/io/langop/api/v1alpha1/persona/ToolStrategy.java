package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How eagerly a persona uses tools. */
public enum ToolStrategy {
    @JsonProperty("conservative")
    CONSERVATIVE,
    @JsonProperty("balanced")
    BALANCED,
    @JsonProperty("aggressive")
    AGGRESSIVE,
    @JsonProperty("minimal")
    MINIMAL
}
