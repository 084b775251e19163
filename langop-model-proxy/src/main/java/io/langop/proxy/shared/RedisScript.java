package io.langop.proxy.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), so a call sends a few bytes instead of the whole script; when
 * Redis does not know it (its first use, or after a restart) the script itself is sent once ({@code EVAL}), which
 * also makes Redis keep it.
 */
public final class RedisScript {

    private final byte[] source;
    private final byte[] sha1;

    public RedisScript(String source) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        try {
            this.sha1 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(this.source))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    public Object run(UnifiedJedis redis, List<byte[]> keys, List<byte[]> arguments) {
        try {
            return redis.evalsha(sha1, keys, arguments);
        } catch (JedisNoScriptException unknown) {
            return redis.eval(source, keys, arguments);
        }
    }
}
