package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of knowledge source. */
public enum KnowledgeSourceType {
    @JsonProperty("url")
    URL,
    @JsonProperty("document")
    DOCUMENT,
    @JsonProperty("database")
    DATABASE,
    @JsonProperty("api")
    API,
    @JsonProperty("vector-store")
    VECTOR_STORE
}
