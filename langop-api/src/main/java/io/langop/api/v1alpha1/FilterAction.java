package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens when a content filter matches. */
public enum FilterAction {
    @JsonProperty("block")
    BLOCK,
    @JsonProperty("warn")
    WARN,
    @JsonProperty("log")
    LOG
}
