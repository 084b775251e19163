package io.langop.memory.redis;

import io.langop.memory.ServerProcess;
import io.langop.sdk.memory.RestartableServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Redis for the tests: Debian's {@code redis-server} (which .ci/run installs), with a password and an
 * append-only file written on every command, so that a restarted server has everything it acknowledged.
 */
public final class RedisServer implements RestartableServer {

    public static final String PASSWORD = "redis-test-password-7f3a";

    private final ServerProcess process;

    private RedisServer(ServerProcess process) {
        this.process = process;
    }

    /** The program, or null when it is not installed. */
    public static Path program() {
        return Stream.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }

    public static RedisServer start(Path directory) throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        Files.createDirectories(directory);
        List<String> command = List.of(
                program().toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                directory.toString(),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
                "--requirepass",
                PASSWORD,
                "--daemonize",
                "no");
        return new RedisServer(ServerProcess.start("redis-server", command, directory.resolve("redis.log"), port));
    }

    @Override
    public String url() {
        return "redis://:" + PASSWORD + "@127.0.0.1:" + process.port();
    }

    public int port() {
        return process.port();
    }

    @Override
    public void stop() throws InterruptedException {
        process.stop();
    }

    @Override
    public void restart() throws IOException, InterruptedException {
        process.start();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
