package io.langop.proxy.config;

/**
 * Token-bucket limits; a null field means unlimited. Buckets hold one minute's allowance and refill
 * continuously, so a full minute's burst is allowed after idling.
 *
 * @param requestsPerMinute  requests admitted per minute
 * @param tokensPerMinute    prompt + completion tokens per minute; a request is admitted while the bucket is
 *                           positive and is charged its estimated prompt tokens, then corrected by the real usage
 * @param concurrentRequests requests in flight at once
 */
public record RateLimits(Integer requestsPerMinute, Integer tokensPerMinute, Integer concurrentRequests) {

    public static final RateLimits UNLIMITED = new RateLimits(null, null, null);
}
