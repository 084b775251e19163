package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the model proxy caches responses. */
public enum CacheBackend {
    @JsonProperty("memory")
    MEMORY,
    @JsonProperty("redis")
    REDIS,
    @JsonProperty("memcached")
    MEMCACHED
}
