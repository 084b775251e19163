package io.langop.local.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real kubectl, run against a kubeconfig, for the tests that prove kubectl works against {@code langop local}.
 * Where kubectl cannot be found (env {@code KUBECTL}, else the {@code PATH}) those tests are skipped and say why.
 */
public final class Kubectl {

    /** What one kubectl command did. */
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path executable;
    private final Path kubeconfig;
    private final Path cacheDir;

    private Kubectl(Path executable, Path kubeconfig, Path cacheDir) {
        this.executable = executable;
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    /** kubectl for {@code kubeconfig}, its discovery cache in {@code cacheDir}; skips the test without kubectl. */
    public static Kubectl against(Path kubeconfig, Path cacheDir) {
        Optional<Path> found = find();
        Assumptions.assumeTrue(
                found.isPresent(),
                "kubectl not found (env KUBECTL or PATH): install it (Debian: apt-get install kubectl; .ci/run does) "
                        + "to run the kubectl tests");
        return new Kubectl(found.orElseThrow(), kubeconfig, cacheDir);
    }

    static Optional<Path> find() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        return Arrays.stream(
                        Objects.requireNonNullElse(System.getenv("PATH"), "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs {@code kubectl args} with {@code env} added to this process's environment. */
    public Result run(Map<String, String> env, String... args) {
        Process process = start(env, args);
        // read both while kubectl runs, as a full pipe would block it; on virtual threads, not the common pool, whose
        // one thread on a small machine the API server's client needs while kubectl waits for it
        var out = new java.util.concurrent.CompletableFuture<String>();
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> out.complete(read(process.getInputStream())));
        Thread.ofVirtual().start(() -> err.complete(read(process.getErrorStream())));
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not end within " + TIMEOUT);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code kubectl args} and leaves it running (a watch); the caller reads and ends it. */
    public Process start(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                executable.toString(), "--kubeconfig", kubeconfig.toString(), "--cache-dir", cacheDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
    }
}
