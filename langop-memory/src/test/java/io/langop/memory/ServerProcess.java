package io.langop.memory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server the tests run as a process of its own on a loopback port (Redis, S3Proxy), so that a test can stop
 * it and start it again on the same port and data, as a restarted pod would.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    private ServerProcess(String name, List<String> command, Path log, int port) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.port = port;
    }

    /** Starts {@code command} (which must listen on {@code port} of 127.0.0.1) and waits until it accepts. */
    public static ServerProcess start(String name, List<String> command, Path log, int port)
            throws IOException, InterruptedException {
        ServerProcess server = new ServerProcess(name, command, log, port);
        server.start();
        return server;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public synchronized void start() throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                stop();
                throw new IllegalStateException(
                        name + " did not listen on port " + port + " within " + START_TIMEOUT + "; see " + log);
            }
            Thread.sleep(50);
        }
    }

    /** Stops the server as Kubernetes stops a pod (SIGTERM) and waits for it to be gone. */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
