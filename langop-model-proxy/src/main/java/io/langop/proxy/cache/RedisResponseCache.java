package io.langop.proxy.cache;

import io.langop.proxy.shared.SharedRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * A model's response cache in the Redis the replicas share, so an answer one replica got is served by all of them.
 * An entry is one string, {@code <answeredBy>\n<body>}, under {@code <prefix>cache:<model>:<request key>}, expiring
 * after the TTL. Redis bounds the sum of the entries (its {@code maxmemory} and eviction policy); the cache keeps no
 * entry larger than {@code maxBytes}.
 *
 * <p>Fails open: when Redis cannot be reached a lookup is a miss and an answer is not kept, so requests go to the
 * model as they would without a cache.
 */
public final class RedisResponseCache implements ResponseCache {

    private final SharedRedis redis;
    private final String model;
    private final Duration ttl;
    private final long maxBytes;

    public RedisResponseCache(SharedRedis redis, String model, Duration ttl, long maxBytes) {
        this.redis = redis;
        this.model = model;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<Entry> get(String key) {
        return redis.call("response cache lookup", jedis -> jedis.get(entryKey(key)))
                .flatMap(RedisResponseCache::entry);
    }

    @Override
    public void put(String key, byte[] body, String answeredBy) {
        if (body.length > maxBytes) {
            return;
        }
        byte[] by = answeredBy.getBytes(StandardCharsets.UTF_8);
        byte[] value = Arrays.copyOf(by, by.length + 1 + body.length);
        value[by.length] = '\n';
        System.arraycopy(body, 0, value, by.length + 1, body.length);
        redis.run(
                "response cache store",
                jedis -> jedis.set(entryKey(key), value, SetParams.setParams().px(ttl.toMillis())));
    }

    private byte[] entryKey(String key) {
        return redis.keyBytes("cache:" + model + ":" + key);
    }

    /** Model names hold no line break, so the first one ends the name; anything else is not an entry. */
    private static Optional<Entry> entry(byte[] value) {
        for (int i = 0; i < value.length; i++) {
            if (value[i] == '\n') {
                return Optional.of(new Entry(
                        Arrays.copyOfRange(value, i + 1, value.length),
                        new String(value, 0, i, StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }
}
