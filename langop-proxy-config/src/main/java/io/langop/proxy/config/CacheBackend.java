package io.langop.proxy.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a model's response cache lives (names as in LanguageModel {@code spec.caching.backend}). */
public enum CacheBackend {
    /** In the replica's heap: each replica has its own cache, bounded by {@link CacheSettings#maxBytes()}. */
    MEMORY("memory"),
    /** In the Redis of {@link ProxyConfig#sharedState()}: one cache for every replica. */
    REDIS("redis");

    private final String wireName;

    CacheBackend(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
