package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a content filter detects. */
public enum ContentFilterType {
    @JsonProperty("profanity")
    PROFANITY,
    @JsonProperty("pii")
    PII,
    @JsonProperty("toxic")
    TOXIC,
    @JsonProperty("custom")
    CUSTOM
}
