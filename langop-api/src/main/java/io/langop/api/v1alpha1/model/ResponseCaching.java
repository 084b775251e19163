package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.Patterns;

/** Response cache of the model proxy. */
@ValidationRule(
        value = "self.backend != 'memcached'",
        message = "caching backend memcached is not supported yet: use memory (each proxy replica its own) or redis"
                + " (one cache in the Redis of spec.sharedState)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResponseCaching {

    @Default("false")
    @JsonPropertyDescription("Cache responses of identical requests.")
    private Boolean enabled;

    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription("How long a response stays cached.")
    private String ttl;

    @Min(1)
    @JsonPropertyDescription("Cache size in MB.")
    private Integer maxSize;

    @Default("memory")
    @JsonPropertyDescription(
            "Where the cache lives: memory (each proxy replica its own) or redis (one cache for every replica, in the"
                    + " Redis of spec.sharedState); memcached is not supported yet.")
    private CacheBackend backend;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }

    public Integer getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(Integer maxSize) {
        this.maxSize = maxSize;
    }

    public CacheBackend getBackend() {
        return backend;
    }

    public void setBackend(CacheBackend backend) {
        this.backend = backend;
    }
}
