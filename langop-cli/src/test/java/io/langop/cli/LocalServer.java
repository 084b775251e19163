package io.langop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code langop local} as a user starts it, through the distribution's launcher, in a process of its own: the
 * manifests of a directory, the LLM given as {@code OPENAI_API_KEY}/{@code OPENAI_BASE_URL}. Its account is kept,
 * and printed when it stops, for a failure to be read.
 */
final class LocalServer implements AutoCloseable {

    private static final Pattern KUBECONFIG = Pattern.compile("kubectl +export KUBECONFIG=(\\S+)");

    private final Process process;
    private final List<String> account;
    private final Path kubeconfig;

    private LocalServer(Process process, List<String> account, Path kubeconfig) {
        this.process = process;
        this.account = account;
        this.kubeconfig = kubeconfig;
    }

    static LocalServer start(Path manifests, Path work, String llmBaseUrl) throws IOException {
        Path script = Path.of(System.getProperty("langop.launcher", "target/langop/bin/langop"));
        ProcessBuilder command = new ProcessBuilder(
                        script.toString(), "local", manifests.toString(), "--work", work.toString())
                .redirectErrorStream(true);
        Stream.of("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_API_KEY", "SYNTHESIS_ENDPOINT", "SYNTHESIS_MODEL")
                .forEach(command.environment()::remove);
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        command.environment().put("OPENAI_API_KEY", "sk-langop-cli-test");
        command.environment().put("OPENAI_BASE_URL", llmBaseUrl);
        Process process = command.start();
        List<String> account = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(account::add);
            } catch (IOException | UncheckedIOException ended) {
                // the process ended, or the test closed its output
            }
        });
        try {
            await("langop local's kubeconfig line")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> kubeconfigIn(account).isPresent() || !process.isAlive());
        } catch (RuntimeException | Error failed) {
            process.destroyForcibly();
            throw failed;
        }
        assertThat(process.isAlive()).as(String.join("\n", account)).isTrue();
        return new LocalServer(process, account, kubeconfigIn(account).orElseThrow());
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    List<String> account() {
        return account;
    }

    private static Optional<Path> kubeconfigIn(List<String> account) {
        return account.stream()
                .map(KUBECONFIG::matcher)
                .filter(Matcher::find)
                .findFirst()
                .map(found -> Path.of(found.group(1)));
    }

    /** Ctrl-C, as a user stops it: everything it started stops with it. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
        System.out.println(String.join("\n", account));
        assertThat(stopped).as("langop local stops on SIGTERM").isTrue();
        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }
}
