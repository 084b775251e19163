package io.langop.memory.redis;

import io.langop.memory.ConnectionUrl;
import io.langop.sdk.memory.spi.BackendUnavailableException;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.Space;
import io.langop.sdk.memory.spi.StoredEntry;
import io.langop.sdk.memory.spi.StoredValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Memory in Redis. Per scope (one agent), all keys share the hash tag {@code {scope}}, so a scope lives in one
 * slot of a cluster: a value is a hash ({@code type}, {@code data}) under {@code langop:{scope}:<space>:v:<key>},
 * listed through a sorted set of its keys ({@code ...:<space>:index}, prefixes by {@code ZRANGEBYLEX}); a
 * conversation is a list ({@code ...:turns:<session>}) trimmed to its last turns; a claim is a string holding its
 * owner ({@code ...:claims:<name>}) that Redis expires itself. Each write is one Lua script, so the value and its index
 * entry change together, and a claim is read and taken in one step. Whether a restart of Redis keeps them is Redis's own
 * persistence (AOF or RDB), configured on the server.
 */
public final class RedisBackend implements MemoryBackend {

    private static final String PUT = """
            redis.call('HSET', KEYS[1], 'type', ARGV[1], 'data', ARGV[2])
            redis.call('ZADD', KEYS[2], 0, ARGV[3])
            return 1""";
    private static final String DELETE = """
            local removed = redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return removed""";
    private static final String LIST = """
            local keys = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], ARGV[2])
            local entries = {}
            for _, key in ipairs(keys) do
                local value = ARGV[3] .. key
                entries[#entries + 1] = key
                entries[#entries + 1] = redis.call('HGET', value, 'type') or ''
                entries[#entries + 1] = redis.call('HSTRLEN', value, 'data')
            end
            return entries""";
    /** The claim is taken unless another owner holds it; its owner taking it again starts its lifetime again. */
    private static final String CLAIM = """
            local held = redis.call('GET', KEYS[1])
            if held and held ~= ARGV[1] then
                return 0
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1""";

    private static final String APPEND = """
            redis.call('RPUSH', KEYS[1], unpack(ARGV, 2))
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
            return 1""";

    private final RedisClient redis;
    private final String description;
    private final String prefix;

    RedisBackend(RedisClient redis, ConnectionUrl url, String scope) {
        this.redis = redis;
        this.description = "redis at " + url.address();
        this.prefix = "langop:{" + scope + "}:";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<StoredValue> get(Space space, String key) {
        List<byte[]> fields = call(() -> redis.hmget(bytes(valueKey(space, key)), bytes("type"), bytes("data")));
        if (fields.get(0) == null || fields.get(1) == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredValue(fields.get(1), new String(fields.get(0), StandardCharsets.UTF_8)));
    }

    @Override
    public void put(Space space, String key, StoredValue value) {
        call(() -> redis.eval(
                bytes(PUT),
                List.of(bytes(valueKey(space, key)), bytes(indexKey(space))),
                List.of(bytes(value.contentType()), value.content(), bytes(key))));
    }

    @Override
    public boolean delete(Space space, String key) {
        Object removed = call(() -> redis.eval(
                bytes(DELETE), List.of(bytes(valueKey(space, key)), bytes(indexKey(space))), List.of(bytes(key))));
        return removed instanceof Long count && count > 0;
    }

    @Override
    public List<StoredEntry> list(Space space, String keyPrefix) {
        // '[' includes the bound, '\xff' sorts after every character a key may hold
        byte[] from = bytes("[" + keyPrefix);
        byte[] to = concat(bytes("[" + keyPrefix), new byte[] {(byte) 0xff});
        Object reply = call(() -> redis.eval(
                bytes(LIST),
                List.of(bytes(indexKey(space))),
                List.of(from, to, bytes(prefix + space.wireName() + ":v:"))));
        List<?> flat = (List<?>) reply;
        List<StoredEntry> entries = new ArrayList<>();
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            entries.add(new StoredEntry(text(flat.get(i)), text(flat.get(i + 1)), (Long) flat.get(i + 2)));
        }
        return entries;
    }

    @Override
    public void appendTurns(String session, List<String> turns, int keep) {
        List<byte[]> arguments = new ArrayList<>();
        arguments.add(bytes(Integer.toString(keep)));
        turns.forEach(turn -> arguments.add(bytes(turn)));
        call(() -> redis.eval(bytes(APPEND), List.of(bytes(turnsKey(session))), arguments));
    }

    @Override
    public List<String> turns(String session) {
        return call(() -> redis.lrange(bytes(turnsKey(session)), 0, -1)).stream()
                .map(RedisBackend::text)
                .toList();
    }

    @Override
    public boolean deleteTurns(String session) {
        return call(() -> redis.del(bytes(turnsKey(session)))) > 0;
    }

    @Override
    public boolean claim(String name, String owner, Duration lifetime) {
        Object taken = call(() -> redis.eval(
                bytes(CLAIM),
                List.of(bytes(prefix + "claims:" + name)),
                List.of(bytes(owner), bytes(Long.toString(Math.max(1, lifetime.toMillis()))))));
        return taken instanceof Long one && one == 1;
    }

    @Override
    public void close() {
        redis.close();
    }

    private String valueKey(Space space, String key) {
        return prefix + space.wireName() + ":v:" + key;
    }

    private String indexKey(Space space) {
        return prefix + space.wireName() + ":index";
    }

    private String turnsKey(String session) {
        return prefix + "turns:" + session;
    }

    /** A lost or refused connection, and a server still loading its data after a restart, are worth a retry. */
    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisConnectionException lost) {
            throw new BackendUnavailableException(message(lost), lost);
        } catch (JedisDataException refused) {
            String reason = String.valueOf(refused.getMessage());
            if (reason.startsWith("LOADING") || reason.startsWith("BUSY") || reason.startsWith("TRYAGAIN")) {
                throw new BackendUnavailableException(reason, refused);
            }
            throw new IllegalStateException(description + " refused the command: " + reason);
        }
    }

    private static String message(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == failure
                ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
