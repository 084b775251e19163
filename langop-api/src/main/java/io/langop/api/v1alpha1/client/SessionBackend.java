package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where client sessions are stored. */
public enum SessionBackend {
    @JsonProperty("memory")
    MEMORY,
    @JsonProperty("redis")
    REDIS,
    @JsonProperty("postgres")
    POSTGRES,
    @JsonProperty("dynamodb")
    DYNAMODB
}
