package io.langop.memory;

import io.langop.memory.postgres.PostgresServer;
import io.langop.memory.redis.RedisServer;
import io.langop.memory.s3.S3ProxyServer;
import io.langop.sdk.memory.RestartableServer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The real server behind each memory store type, started by a test on a loopback port with its data under a
 * directory: for the tests outside this module that run an agent against each store.
 */
public enum StoreServers {
    REDIS {
        @Override
        public RestartableServer start(Path directory) throws Exception {
            return RedisServer.start(directory);
        }

        @Override
        public Optional<String> unavailable() {
            return RedisServer.program() == null
                    ? Optional.of("redis-server is not installed (apt-get install redis-server; .ci/run installs it)")
                    : Optional.empty();
        }
    },
    POSTGRES {
        @Override
        public RestartableServer start(Path directory) throws Exception {
            return PostgresServer.start(directory);
        }
    },
    S3 {
        @Override
        public RestartableServer start(Path directory) throws Exception {
            return S3ProxyServer.start(directory);
        }
    };

    /** Starts the server, its data under {@code directory}, and waits until it accepts connections. */
    public abstract RestartableServer start(Path directory) throws Exception;

    /** Why this machine cannot run the server, if it cannot. */
    public Optional<String> unavailable() {
        return Optional.empty();
    }

    /** The LanguageAgent's {@code spec.memoryStore.type} and the runtime's {@code MEMORY_STORE}. */
    public String type() {
        return name().toLowerCase(Locale.ROOT);
    }
}
