package io.langop.proxy.shared;

import io.langop.proxy.config.ConfigException;
import io.langop.proxy.config.Durations;
import io.langop.proxy.config.SharedState;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The Redis the proxy's replicas share. Every call is bounded: connecting, waiting for one of the pooled
 * connections and waiting for the answer each take at most {@link SharedState#timeout()}. A call runs on a platform
 * thread of its own pool (as many as there are connections), never on the request's virtual thread: the request
 * waits for it parked, so a Redis that is slow or stops answering delays the requests that wait on it and nothing
 * else. Not a virtual thread either: one started from a request thread would run on that request's event loop, and
 * the JDK would start its I/O pollers there the first time one blocks on a socket (in the tests, the virtual
 * threads of every later test then hung once that proxy's event loops had stopped).
 *
 * <p>A call that fails marks Redis as down for {@link #COOL_DOWN}: calls during that time fail at once instead of
 * each waiting for the timeout, and the callers fall back (the cache misses, limits are kept per replica, usage
 * waits in memory). The first call after it tries Redis again. Going down and coming back are logged once each;
 * messages never hold the connection string (it holds the password).
 */
public final class SharedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRedis.class);
    /** How long a failed call keeps the next ones from trying Redis. */
    public static final Duration COOL_DOWN = Duration.ofSeconds(1);
    /** Connections to Redis at most; a request holds one for a round trip, so few serve many. */
    private static final int POOL_SIZE = 32;

    private final String prefix;
    private final LongSupplier clock;
    private final ExecutorService calls = Executors.newFixedThreadPool(
            POOL_SIZE, Thread.ofPlatform().daemon().name("redis-call-", 0).factory());
    /** Until when (in the clock's nanoseconds) calls fail at once; in the past while Redis answers. */
    private final AtomicLong downUntil;

    private volatile Connected connected;
    private volatile boolean down;

    private SharedRedis(String prefix, Connected connected, LongSupplier clock) {
        this.prefix = prefix;
        this.connected = connected;
        this.clock = clock;
        this.downUntil = new AtomicLong(clock.getAsLong());
    }

    /**
     * A client for the configured Redis; it connects on first use, so a Redis down at the proxy's start costs
     * nothing here.
     *
     * @throws ConfigException when the connection string cannot be read or is no Redis URL
     */
    public static SharedRedis connect(SharedState config) {
        return new SharedRedis(config.keyPrefix(), Connected.to(config), System::nanoTime);
    }

    /**
     * Follows a reloaded configuration: a changed connection string (a rotated password) or timeout gets a new
     * client, and the old one is closed. The key prefix stays the one the proxy started with.
     */
    public void reconfigure(SharedState config) {
        Connected current = connected;
        Connected next = Connected.to(config);
        if (next.sameAs(current)) {
            next.client().close();
            return;
        }
        connected = next;
        current.client().close();
        downUntil.set(clock.getAsLong());
        LOG.info("shared state: now using redis at {}", next.address());
    }

    /** Put in front of every key this proxy writes. */
    public String key(String suffix) {
        return prefix + suffix;
    }

    public byte[] keyBytes(String suffix) {
        return key(suffix).getBytes(StandardCharsets.UTF_8);
    }

    /** Where Redis is, for messages (never the connection string). */
    public String address() {
        return connected.address();
    }

    /** Whether calls fail at once now, because the last one failed less than {@link #COOL_DOWN} ago. */
    public boolean coolingDown() {
        return clock.getAsLong() - downUntil.get() < 0;
    }

    /**
     * Runs {@code command}, or says Redis could not be asked.
     *
     * @param what what the call is for, in the log line when it fails
     * @return the answer, empty when Redis is down (now or less than {@link #COOL_DOWN} ago)
     */
    public <T> Optional<T> call(String what, Function<UnifiedJedis, T> command) {
        if (coolingDown()) {
            return Optional.empty();
        }
        try {
            T answer = offTheLoop(connected, command);
            if (down) {
                down = false;
                LOG.info("shared state: redis at {} answers again", address());
            }
            return Optional.ofNullable(answer);
        } catch (JedisException e) {
            downUntil.set(clock.getAsLong() + COOL_DOWN.toNanos());
            // the idle connections went wherever this one went (a restarted Redis closed them all): without this,
            // each of them would fail once more after Redis is back
            connected.client().getPool().clear();
            if (!down) {
                down = true;
                LOG.warn(
                        "shared state: redis at {} failed ({}): {}; until it answers again the response cache is"
                                + " skipped, each replica keeps its share of the rate limits and usage waits in"
                                + " memory",
                        address(),
                        what,
                        reason(e));
            }
            return Optional.empty();
        }
    }

    /** Runs {@code command} on a thread of {@link #calls} and waits for it, at most its bound. */
    private <T> T offTheLoop(Connected connected, Function<UnifiedJedis, T> command) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            calls.execute(() -> {
                if (answer.isDone()) {
                    return; // its caller gave up waiting while it queued
                }
                try {
                    answer.complete(command.apply(connected.client()));
                } catch (Throwable e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException closed) {
            throw new JedisException("the proxy is stopping");
        }
        try {
            return answer.get(connected.callBound().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new JedisException(e.getCause());
        } catch (TimeoutException e) {
            // the call's thread ends by itself: every step it takes is bounded by the socket timeouts
            answer.cancel(false);
            throw new JedisException("no answer within " + Durations.format(connected.callBound()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JedisException("interrupted while waiting for redis");
        }
    }

    /** As {@link #call}, for commands whose answer is not needed. */
    public boolean run(String what, Consumer<UnifiedJedis> command) {
        return call(what, redis -> {
                    command.accept(redis);
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    /** What failed, ending with the innermost cause, which says why (a refused connection, a timeout). */
    private static String reason(Exception failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        String why = innermost == failure ? "" : "; " + innermost;
        return failure.getMessage() + why;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        connected.client().close();
    }

    /** A client and what it was made from, so a reload can tell whether anything changed. */
    private record Connected(RedisClient client, String address, String url, Duration timeout) {

        /** Connecting, waiting for a pooled connection and the answer: each bounded by the timeout. */
        Duration callBound() {
            return timeout.multipliedBy(3);
        }

        static Connected to(SharedState config) {
            String url = config.redis().resolve();
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new ConfigException("sharedState.redis is not a URL (" + e.getReason() + ")");
            }
            if (!JedisURIHelper.isValid(uri)) {
                throw new ConfigException("sharedState.redis must be redis://[user:password@]host[:port][/database]"
                        + " or rediss://..., not a " + Objects.requireNonNullElse(uri.getScheme(), "scheme-less")
                        + " URL");
            }
            int millis = Math.toIntExact(Math.max(1, config.timeout().toMillis()));
            GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
            pool.setMaxTotal(POOL_SIZE);
            pool.setMaxIdle(POOL_SIZE);
            // without it a request would wait for a pooled connection for as long as the pool is exhausted
            pool.setMaxWait(config.timeout());
            pool.setTestOnBorrow(false);
            DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(millis)
                    .socketTimeoutMillis(millis)
                    .blockingSocketTimeoutMillis(millis)
                    .user(JedisURIHelper.getUser(uri))
                    .password(JedisURIHelper.getPassword(uri));
            if (JedisURIHelper.hasDbIndex(uri)) {
                client.database(JedisURIHelper.getDBIndex(uri));
            }
            if (JedisURIHelper.isRedisSSLScheme(uri)) {
                client.sslOptions(SslOptions.defaults()); // the JDK's trust store, host name verified
            }
            HostAndPort hostAndPort = JedisURIHelper.getHostAndPort(uri);
            RedisClient redis = RedisClient.builder()
                    .hostAndPort(hostAndPort)
                    .clientConfig(client.build())
                    .poolConfig(pool)
                    .build();
            String address = hostAndPort + " (timeout " + Durations.format(config.timeout()) + ")";
            return new Connected(redis, address, url, config.timeout());
        }

        boolean sameAs(Connected other) {
            return url.equals(other.url) && timeout.equals(other.timeout);
        }

        @Override
        public String toString() {
            return "redis at " + address; // a record's own toString would print the connection string
        }
    }
}
