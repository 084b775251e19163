package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Colour theme of a web client. */
public enum Theme {
    @JsonProperty("light")
    LIGHT,
    @JsonProperty("dark")
    DARK,
    @JsonProperty("auto")
    AUTO
}
