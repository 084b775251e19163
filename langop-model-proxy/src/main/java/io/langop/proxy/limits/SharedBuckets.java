package io.langop.proxy.limits;

import io.langop.proxy.shared.RedisScript;
import io.langop.proxy.shared.SharedRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The requests/min and tokens/min buckets of every scope, in the Redis the replicas share: each replica takes from
 * the same buckets, so together they keep one limit. A bucket is a hash ({@code a}: what is available, {@code t}:
 * when it was last refilled, in microseconds of Redis's own clock, so the replicas' clocks do not matter) that
 * expires once it would be full again anyway. Taking from all the buckets of a request is one script, checked
 * before anything is taken, so a refusal in one scope takes nothing from the others and two replicas can never
 * together take more than is there.
 */
public final class SharedBuckets {

    /**
     * KEYS: the buckets; ARGV: per bucket its capacity per minute, what must be there, what to take. Returns
     * {@code {0, 0}} when taken, otherwise {@code {i, µs}}: bucket i (from 1) needs that long to hold enough.
     */
    private static final RedisScript TAKE = new RedisScript("""
            local now = redis.call('TIME')
            now = tonumber(now[1]) * 1000000 + tonumber(now[2])
            local available = {}
            for i, key in ipairs(KEYS) do
                local capacity = tonumber(ARGV[3 * i - 2])
                local needed = tonumber(ARGV[3 * i - 1])
                local state = redis.call('HMGET', key, 'a', 't')
                local a = tonumber(state[1]) or capacity
                local t = tonumber(state[2]) or now
                a = math.min(capacity, a + (now - t) * capacity / 60000000)
                if a < needed then
                    return {i, math.ceil((needed - a) * 60000000 / capacity)}
                end
                available[i] = a
            end
            for i, key in ipairs(KEYS) do
                redis.call('HSET', key, 'a', string.format('%.17g', available[i] - tonumber(ARGV[3 * i])), 't', now)
                redis.call('PEXPIRE', key, 120000)
            end
            return {0, 0}""");

    /** KEYS: buckets; ARGV: per bucket its capacity per minute and what to give back (negative: charge more). */
    private static final RedisScript ADJUST = new RedisScript("""
            local now = redis.call('TIME')
            now = tonumber(now[1]) * 1000000 + tonumber(now[2])
            for i, key in ipairs(KEYS) do
                local capacity = tonumber(ARGV[2 * i - 1])
                local state = redis.call('HMGET', key, 'a', 't')
                local a = tonumber(state[1]) or capacity
                local t = tonumber(state[2]) or now
                a = math.min(capacity, a + (now - t) * capacity / 60000000 + tonumber(ARGV[2 * i]))
                redis.call('HSET', key, 'a', string.format('%.17g', a), 't', now)
                redis.call('PEXPIRE', key, 120000)
            end
            return 1""");

    private final SharedRedis redis;

    public SharedBuckets(SharedRedis redis) {
        this.redis = redis;
    }

    /**
     * Takes one request estimated at {@code estimatedTokens} from the buckets of every limiter.
     *
     * @return admitted or refused; empty when Redis could not be asked, and the caller counts on its own
     */
    Optional<Limiter.Decision> tryTake(List<Limiter> limiters, long estimatedTokens) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> arguments = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (Limiter limiter : limiters) {
            Integer requests = limiter.limits().requestsPerMinute();
            if (requests != null) {
                keys.add(bucket(limiter, "requests"));
                arguments.addAll(List.of(number(requests), number(1), number(1)));
                refusals.add(new Refusal(limiter, false));
            }
            Integer tokens = limiter.limits().tokensPerMinute();
            if (tokens != null) {
                keys.add(bucket(limiter, "tokens"));
                arguments.addAll(List.of(
                        number(tokens), number(limiter.neededTokens(estimatedTokens)), number(estimatedTokens)));
                refusals.add(new Refusal(limiter, true));
            }
        }
        if (keys.isEmpty()) {
            return Optional.of(Limiter.Decision.ADMITTED);
        }
        return redis.call("rate limits", jedis -> TAKE.run(jedis, keys, arguments))
                .map(answer -> {
                    List<?> pair = (List<?>) answer;
                    int refusedBy = ((Long) pair.get(0)).intValue();
                    if (refusedBy == 0) {
                        return Limiter.Decision.ADMITTED;
                    }
                    Duration wait = Duration.ofNanos(Math.multiplyExact((Long) pair.get(1), 1000L));
                    Refusal refusal = refusals.get(refusedBy - 1);
                    return refusal.tokens()
                            ? refusal.limiter().refusedTokens(wait)
                            : refusal.limiter().refusedRequests(wait);
                });
    }

    /** Corrects the token buckets by what the request really used; lost when Redis cannot be reached. */
    void settle(List<Limiter> limiters, long estimatedTokens, long actualTokens) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> arguments = new ArrayList<>();
        for (Limiter limiter : limiters) {
            Integer tokens = limiter.limits().tokensPerMinute();
            if (tokens != null) {
                keys.add(bucket(limiter, "tokens"));
                arguments.addAll(List.of(number(tokens), number(estimatedTokens - actualTokens)));
            }
        }
        if (!keys.isEmpty() && estimatedTokens != actualTokens) {
            redis.run("rate limit usage", jedis -> ADJUST.run(jedis, keys, arguments));
        }
    }

    private byte[] bucket(Limiter limiter, String kind) {
        return redis.keyBytes("limit:" + limiter.scope() + ":" + kind);
    }

    private static byte[] number(long value) {
        return bytes(Long.toString(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Refusal(Limiter limiter, boolean tokens) {}
}
