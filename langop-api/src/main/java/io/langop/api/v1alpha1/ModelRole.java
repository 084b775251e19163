package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a referenced model is used for. */
public enum ModelRole {
    @JsonProperty("primary")
    PRIMARY,
    @JsonProperty("fallback")
    FALLBACK,
    @JsonProperty("reasoning")
    REASONING,
    @JsonProperty("tool-calling")
    TOOL_CALLING,
    @JsonProperty("summarization")
    SUMMARIZATION
}
