package io.langop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code langop} command as a user runs it: the launcher of the distribution this module's build made
 * ({@code target/langop/bin/langop}), in its own process, with a kubeconfig, in the C locale (so UTF-8 output owes
 * nothing to the environment).
 */
record Launcher(Path script, Path kubeconfig) {

    record Result(int exit, String out, String err) {
        String all() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Launcher of(Path kubeconfig) {
        Path script = Path.of(System.getProperty("langop.launcher", "target/langop/bin/langop"));
        assertThat(Files.isExecutable(script))
                .as("the distribution's launcher %s (built by the package phase)", script)
                .isTrue();
        return new Launcher(script, kubeconfig);
    }

    Result run(String... args) {
        return runWithInput("", Duration.ofMinutes(2), args);
    }

    /** Runs {@code langop ARGS --kubeconfig K}, typing {@code input}, for at most {@code timeout}. */
    Result runWithInput(String input, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        command.add("--kubeconfig=" + kubeconfig);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("KUBECONFIG");
        try {
            Process process = builder.start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("langop " + String.join(" ", args) + " did not end within " + timeout
                        + "; so far:\n" + out.getNow("") + err.getNow(""));
            }
            Result result = new Result(process.exitValue(), out.join(), err.join());
            // the session as a user sees it, in the test's report (docs/cli.md quotes one)
            System.out.print("$ langop " + String.join(" ", args) + "\n" + result.out() + result.err()
                    + (result.exit() == 0 ? "" : "[exit " + result.exit() + "]\n"));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
