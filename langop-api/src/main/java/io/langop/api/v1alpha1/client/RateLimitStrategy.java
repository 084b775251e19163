package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Algorithm of the client rate limiter. */
public enum RateLimitStrategy {
    @JsonProperty("fixed-window")
    FIXED_WINDOW,
    @JsonProperty("sliding-window")
    SLIDING_WINDOW,
    @JsonProperty("token-bucket")
    TOKEN_BUCKET
}
