package io.langop.proxy.config;

import java.time.Duration;

/**
 * The Redis that replicas of one proxy share, so that together they enforce one rate limit and report one usage
 * total (and, with {@link CacheBackend#REDIS}, keep one response cache). Without it every replica counts for
 * itself. Only a single Redis (or a primary behind one address) is supported, not Redis Cluster: the scripts that
 * keep limits and usage touch keys they do not declare.
 *
 * @param redis     the connection string, {@code redis[s]://[user:password@]host[:port][/database]}; a secret,
 *                  since it holds the password
 * @param keyPrefix put in front of every key, so proxies of several models can share one Redis (the operator
 *                  uses {@code langop:proxy:<namespace>/<model>:}); default {@value #DEFAULT_KEY_PREFIX}
 * @param replicas  how many replicas share it: while Redis cannot be reached each replica admits its share of
 *                  every rate limit (the limit divided by this, rounded up), so together they still keep to it
 * @param timeout   bound on each call to Redis (connecting, waiting for a pooled connection, the answer); a call
 *                  that takes longer counts as Redis being down. Default 200ms
 */
public record SharedState(SecretRef redis, String keyPrefix, Integer replicas, Duration timeout) {

    public static final String DEFAULT_KEY_PREFIX = "langop:proxy:";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);

    public SharedState {
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? DEFAULT_KEY_PREFIX : keyPrefix;
        replicas = replicas == null ? 1 : replicas;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
