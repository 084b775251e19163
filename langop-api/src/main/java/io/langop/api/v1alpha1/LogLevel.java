package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Log verbosity of a component. */
public enum LogLevel {
    @JsonProperty("debug")
    DEBUG,
    @JsonProperty("info")
    INFO,
    @JsonProperty("warn")
    WARN,
    @JsonProperty("error")
    ERROR
}
