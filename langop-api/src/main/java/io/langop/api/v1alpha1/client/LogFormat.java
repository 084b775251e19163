package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Format of log lines. */
public enum LogFormat {
    @JsonProperty("json")
    JSON,
    @JsonProperty("text")
    TEXT
}
