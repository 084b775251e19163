package io.langop.proxy.config;

import java.time.Duration;

/**
 * Exact-match cache of non-streaming chat completions and embeddings, keyed on the normalised request.
 *
 * @param ttl                     how long an entry is served (default 5m)
 * @param maxBytes                bound on the summed size of cached response bodies (default 64 MiB); the
 *                                least recently used entries go first
 * @param cacheNonZeroTemperature also cache requests with temperature > 0 (off by default: callers asking
 *                                for sampling expect different answers)
 * @param backend                 where the entries live (default {@link CacheBackend#MEMORY}); in Redis,
 *                                {@code maxBytes} bounds each entry, and the sum is Redis's {@code maxmemory}
 */
public record CacheSettings(
        Boolean enabled, Duration ttl, Long maxBytes, Boolean cacheNonZeroTemperature, CacheBackend backend) {

    public static final CacheSettings DISABLED = new CacheSettings(false, null, null, null, null);

    public CacheSettings {
        enabled = enabled != null && enabled;
        ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
        maxBytes = maxBytes == null ? 64L * 1024 * 1024 : maxBytes;
        cacheNonZeroTemperature = cacheNonZeroTemperature != null && cacheNonZeroTemperature;
        backend = backend == null ? CacheBackend.MEMORY : backend;
    }
}
