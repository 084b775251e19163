package io.langop.memory.redis;

import io.langop.memory.ConnectionUrl;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.MemoryBackendProvider;
import io.langop.sdk.memory.spi.MemorySettings;
import java.time.Duration;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;

/**
 * {@code MEMORY_STORE=redis}, {@code MEMORY_URL=redis://[user:password@]host[:port][/database]} ({@code rediss://}
 * for TLS).
 */
public final class RedisBackendProvider implements MemoryBackendProvider {

    /** Short timeouts: a Redis that does not answer within them is down, and the SDK's backoff takes over. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String type() {
        return "redis";
    }

    @Override
    public MemoryBackend open(MemorySettings settings) {
        ConnectionUrl url = ConnectionUrl.parse(settings.url(), "redis", Set.of("redis", "rediss"), 6379);
        return new RedisBackend(client(url), url, settings.scope());
    }

    /** A pooled client; it connects on first use, so a Redis down at start costs no failure here. */
    public static RedisClient client(ConnectionUrl url) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) CONNECT_TIMEOUT.toMillis())
                .socketTimeoutMillis((int) COMMAND_TIMEOUT.toMillis())
                .database(database(url));
        if (url.scheme().equals("rediss")) {
            config.sslOptions(SslOptions.defaults()); // the JDK's trust store, host name verified
        }
        url.user().ifPresent(config::user);
        url.password().ifPresent(config::password);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(16);
        pool.setTestOnBorrow(false);
        pool.setTestWhileIdle(true);
        return RedisClient.builder()
                .hostAndPort(url.host(), url.port())
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
    }

    private static int database(ConnectionUrl url) {
        if (url.path().isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(url.path());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(
                    "the redis connection string's path must be a database number, not '" + url.path() + "'");
        }
    }
}
