package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A failure of this model, after its retries, that sends a request on to a fallback. */
public enum FallbackCondition {
    /** The upstream did not answer within spec.timeout. */
    @JsonProperty("timeout")
    TIMEOUT,
    /** The upstream answered 429, or this model's rate limits at the proxy held the request back. */
    @JsonProperty("rate-limit")
    RATE_LIMIT,
    /** A 5xx answer, an endpoint that could not be reached, every endpoint ejected. */
    @JsonProperty("error")
    ERROR
}
