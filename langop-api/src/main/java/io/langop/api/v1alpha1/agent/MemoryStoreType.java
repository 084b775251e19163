package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an agent keeps conversation memory. */
public enum MemoryStoreType {
    @JsonProperty("ephemeral")
    EPHEMERAL,
    @JsonProperty("redis")
    REDIS,
    @JsonProperty("postgres")
    POSTGRES,
    @JsonProperty("s3")
    S3
}
