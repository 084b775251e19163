package io.langop.memory.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.langop.sdk.memory.MemoryContract;
import io.langop.sdk.memory.RestartableServer;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.MemorySettings;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis backend held to the memory contract, against a real redis-server started for this class. */
class RedisMemoryTest extends MemoryContract {

    private static RedisServer server;

    @BeforeAll
    static void startRedis(@TempDir Path directory) throws Exception {
        assumeTrue(RedisServer.program() != null, "redis-server is not installed (apt-get install redis-server)");
        server = RedisServer.start(directory);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected MemoryBackend open(String scope) {
        return new RedisBackendProvider().open(new MemorySettings("redis", server.url(), scope, Path.of("unused")));
    }

    @Override
    protected RestartableServer server() {
        return server;
    }

    @Override
    protected String secretInTheUrl() {
        return RedisServer.PASSWORD;
    }

    @Test
    void aWrongPasswordIsRefusedWithoutRepeatingIt() {
        String wrong = "redis://:not-the-password@127.0.0.1:" + server.port();
        try (MemoryBackend backend =
                new RedisBackendProvider().open(new MemorySettings("redis", wrong, "s", Path.of("x")))) {
            assertThatThrownBy(() -> backend.get(io.langop.sdk.memory.spi.Space.STATE, "k"))
                    .hasMessageNotContaining("not-the-password");
        }
    }

    @Test
    void aConnectionStringThatIsNotRedisSaysWhatIsExpected() {
        assertThatThrownBy(() -> new RedisBackendProvider()
                        .open(new MemorySettings("redis", "http://user:secret@host", "s", Path.of("x"))))
                .hasMessage("the redis connection string must start with one of [redis://, rediss://], not 'http://'");
    }
}
