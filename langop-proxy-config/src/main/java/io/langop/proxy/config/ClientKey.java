package io.langop.proxy.config;

/**
 * A key a client presents as {@code Authorization: Bearer <key>}; usage and limits are kept per key.
 *
 * @param name       shown in {@code /usage} and metrics (e.g. the agent's name); the key itself never is
 * @param key        where the key's value comes from
 * @param rateLimits limits for this client across all models
 */
public record ClientKey(String name, SecretRef key, RateLimits rateLimits) {

    public ClientKey {
        rateLimits = rateLimits == null ? RateLimits.UNLIMITED : rateLimits;
    }
}
