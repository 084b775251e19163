package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Shape of a persona's answers. */
public enum ResponseFormatType {
    @JsonProperty("text")
    TEXT,
    @JsonProperty("markdown")
    MARKDOWN,
    @JsonProperty("json")
    JSON,
    @JsonProperty("structured")
    STRUCTURED,
    @JsonProperty("list")
    LIST,
    @JsonProperty("table")
    TABLE
}
