package io.langop.proxy.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A kind of failure that sends a request on to a fallback model, once the model it was sent to gave up after its
 * retries (names as in LanguageModel spec.fallbacks[].conditions). A request the model refused as invalid never
 * falls back: it would be refused everywhere.
 */
public enum FallbackCondition {
    /** The upstream did not answer within the model's timeout. */
    TIMEOUT("timeout"),
    /** The upstream answered 429, or the model's own limits at the proxy held the request back. */
    RATE_LIMIT("rate-limit"),
    /** Any other failure: a 5xx answer, an endpoint that could not be reached, every endpoint ejected. */
    ERROR("error");

    private final String wireName;

    FallbackCondition(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The condition an HTTP status of a failed attempt (the proxy's own answer to its client) stands for. */
    public static FallbackCondition ofStatus(int status) {
        return switch (status) {
            case 504 -> TIMEOUT;
            case 429 -> RATE_LIMIT;
            default -> ERROR;
        };
    }
}
