package io.langop.local;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.langop.kit.jvm.ClassPaths;
import io.langop.wire.ServiceWire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One container as a JVM process: the image's main class on this module's class path, the
 * container's environment (and nothing inherited), {@code PORT} set to its own loopback port,
 * stdout and stderr appended to {@code <container>.log} in the pod directory. How it last ended, with its termination
 * message, is kept for the container's status, as a kubelet keeps it.
 */
final class ContainerProcess {

    private static final HttpClient PROBES =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final String CLASS_PATH = ClassPaths.loading(ContainerProcess.class);

    private final Container container;
    private final Map<String, String> env;
    private final int port;
    private final Path workDir;
    private final Path log;
    private final Path tmp;
    private final TerminationMessage terminationMessage;
    private volatile Process process;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    /** Where this run's output begins in the log, which keeps every run's. */
    private long logStart;

    private volatile ContainerEnd lastEnd;
    private volatile ContainerEnd endBefore;
    private int restarts = -1;

    /**
     * @param mounts the host path of each of the container's mount paths, longest first ({@link PodVolumes#mounts}),
     *     where its termination message file may be
     */
    ContainerProcess(Container container, Map<String, String> env, Map<String, Path> mounts, int port, Path workDir) {
        this.container = container;
        this.env = Map.copyOf(env);
        this.port = port;
        this.workDir = workDir;
        this.log = workDir.resolve(container.getName() + ".log");
        // A container's /tmp is its own, unless a volume is mounted there: the replicas of a tool or agent on this one
        // machine would otherwise share what they keep under it (an email tool's cursors, an agent's accepted events).
        this.tmp = Objects.requireNonNullElse(
                mounts.get("/tmp"), workDir.resolve("tmp").resolve(container.getName()));
        this.terminationMessage = TerminationMessage.of(container, mounts);
    }

    String name() {
        return container.getName();
    }

    String image() {
        return container.getImage();
    }

    /** When the process last started, if it has. */
    Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    int restarts() {
        return Math.max(restarts, 0);
    }

    /** How the process last ended, if it has: its {@code state.terminated}, or its {@code lastState} once restarted. */
    Optional<ContainerEnd> lastEnd() {
        exitCode(); // an end not asked for yet is recorded now
        return Optional.ofNullable(lastEnd);
    }

    /** How the run before the last ended: the {@code lastState} of a container that has ended again and stays so. */
    Optional<ContainerEnd> endBefore() {
        exitCode();
        return Optional.ofNullable(endBefore);
    }

    synchronized void start() {
        exitCode(); // the end of the run before, if not recorded yet
        if (container.getCommand() != null && !container.getCommand().isEmpty()) {
            throw new IllegalArgumentException(
                    "container " + name() + ": command overrides are not supported by the harness");
        }
        ImageCatalog.Entrypoint entrypoint = ImageCatalog.entrypoint(container.getImage());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // quick start-up matters more than peak speed for these short-lived processes
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-Xmx384m",
                "-Djava.io.tmpdir=" + tmp));
        command.addAll(entrypoint.jvmFlags());
        command.addAll(List.of("-cp", CLASS_PATH, entrypoint.mainClass()));
        List<String> args = container.getArgs();
        command.addAll(args == null || args.isEmpty() ? entrypoint.defaultArgs() : args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin"));
        builder.environment().put("HOME", workDir.toString());
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().putAll(env);
        builder.environment().put(ServiceWire.PORT_ENV, Integer.toString(port));
        try {
            Files.writeString(
                    log,
                    "=== " + Instant.now() + " start " + args(command) + " on port " + port + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            logStart = Files.size(log);
            Files.createDirectories(tmp);
            process = builder.start();
            startedAt = Instant.now();
            finishedAt = null;
            restarts++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean running() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /**
     * The exit code once the process ended, else null. The supervisor asks every 100 ms, which dates the end; the
     * first to ask records it, with its termination message.
     */
    synchronized Integer exitCode() {
        Process current = process;
        if (current == null || current.isAlive()) {
            return null;
        }
        int exit = current.exitValue();
        if (finishedAt == null) {
            finishedAt = Instant.now();
            endBefore = lastEnd;
            lastEnd = new ContainerEnd(
                    exit, terminationMessage.read(startedAt, log, logStart, exit), startedAt, finishedAt);
        }
        return exit;
    }

    /** The container's readiness probe (HTTP GET or TCP connect) against its port; no probe: running. */
    boolean ready() {
        if (!running()) {
            return false;
        }
        Probe probe = container.getReadinessProbe();
        if (probe == null) {
            return true;
        }
        if (probe.getHttpGet() != null) {
            try {
                HttpResponse<Void> response = PROBES.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + Objects.requireNonNullElse(
                                                probe.getHttpGet().getPath(), "/")))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() >= 200 && response.statusCode() < 400;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (probe.getTcpSocket() != null) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** SIGTERM, then SIGKILL after the grace period, as the kubelet does. */
    void stop() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                current.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The command without the class path, which is long and the same for every process. */
    private static String args(List<String> command) {
        return String.join(
                " ",
                command.subList(
                        command.indexOf(command.stream()
                                        .filter(arg -> arg.equals("-cp"))
                                        .findFirst()
                                        .orElseThrow())
                                + 2,
                        command.size()));
    }
}
