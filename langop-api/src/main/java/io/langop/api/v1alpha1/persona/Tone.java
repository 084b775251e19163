package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Tone of voice of a persona. */
public enum Tone {
    @JsonProperty("professional")
    PROFESSIONAL,
    @JsonProperty("casual")
    CASUAL,
    @JsonProperty("friendly")
    FRIENDLY,
    @JsonProperty("formal")
    FORMAL,
    @JsonProperty("technical")
    TECHNICAL,
    @JsonProperty("empathetic")
    EMPATHETIC,
    @JsonProperty("concise")
    CONCISE,
    @JsonProperty("detailed")
    DETAILED
}
