package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.langop.operator.OperatorSettings;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code langop local} on examples/local-agent, whose agent ships its code ({@code spec.codeRef}),
 * with no synthesis LLM and the scripted LLM standing in for the example's Ollama: the account
 * tells what happens, the agent's haiku lands in its workspace, and closing the run leaves no
 * process behind.
 */
class LocalRunIT {

    private static final Path EXAMPLE =
            Path.of(System.getProperty("langop.examples.dir", "../examples"), "local-agent");
    private static final String HAIKU = "Pods rise with the sun / the scheduler hums along / nothing is pending";
    private static final Pattern WORKSPACE_FILE =
            Pattern.compile("file +playground/haiku-workspace/(haiku-\\S+\\.md) written .*: (\\S+)$");

    @Test
    void runsTheExampleTellsWhatHappensAndStopsEveryProcessItStarted(@TempDir Path temp) throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.otherwise(new ScriptedOpenAiServer.Text(HAIKU, 12, 17));
            Path manifests = copyWithEndpoint(EXAMPLE, temp.resolve("manifests"), llm.baseUrl());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

            List<ProcessHandle> started;
            try (LocalRun run = LocalRun.start(
                    Manifests.read(manifests),
                    temp.resolve("work"),
                    LocalSetup.withoutLlm(OperatorSettings.defaults()),
                    out)) {
                await("the haiku in the workspace and the Job's pod done")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> lines(bytes).stream()
                                        .anyMatch(line ->
                                                WORKSPACE_FILE.matcher(line).find())
                                && lines(bytes).stream()
                                        .anyMatch(
                                                line -> line.matches(".*pod +playground/haiku-agent-\\S+: completed")));
                started = ProcessHandle.current().descendants().toList();
            } catch (AssertionError | RuntimeException failed) {
                System.out.println(bytes.toString(StandardCharsets.UTF_8));
                throw failed;
            }

            List<String> account = lines(bytes);
            assertThat(account.get(1)).contains("synthesis off").contains("spec.codeRef");
            assertThat(account)
                    .anyMatch(line -> line.contains("applied   ConfigMap playground/haiku-code"))
                    .anyMatch(line -> line.contains("applied   LanguageAgent playground/haiku"))
                    .anyMatch(line -> line.contains("condition LanguageAgent playground/haiku: Validated=True"))
                    .anyMatch(line -> line.matches(".*cronjob +playground/haiku-agent .* run now as Job .*"))
                    .anyMatch(line -> line.matches(".*pod +playground/haiku-agent-\\S+: completed"))
                    .anyMatch(line -> line.endsWith("local     stopped"));
            assertThat(indexOf(account, "applied   LanguageModel"))
                    .as("models before agents")
                    .isLessThan(indexOf(account, "applied   LanguageAgent"));
            Matcher file = account.stream()
                    .map(WORKSPACE_FILE::matcher)
                    .filter(Matcher::find)
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(Path.of(file.group(2)))).contains(HAIKU);
            assertThat(String.join("\n", llm.messagesOf(0))).contains("Write one haiku about Kubernetes");

            assertThat(started)
                    .as("the model proxy and the agent ran as processes")
                    .isNotEmpty();
            assertThat(started).noneMatch(ProcessHandle::isAlive);
            assertThat(ProcessHandle.current().descendants()).noneMatch(ProcessHandle::isAlive);
        }
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " in\n" + String.join("\n", lines));
    }

    /** The example as shipped, its model pointed at {@code endpoint} instead of a local Ollama. */
    private static Path copyWithEndpoint(Path example, Path target, String endpoint) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(example)) {
            for (Path file : files.toList()) {
                Files.writeString(
                        target.resolve(file.getFileName()),
                        Files.readString(file).replace("http://localhost:11434/v1", endpoint));
            }
        }
        assertThat(Files.readString(target.resolve("model.yaml"))).contains(endpoint);
        return target;
    }
}
