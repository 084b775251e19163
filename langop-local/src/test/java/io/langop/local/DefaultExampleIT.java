package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.langop.local.kube.Kubectl;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, end to end: {@code langop local} (the command, in its own process) on the default example
 * as shipped, given nothing but {@code OPENAI_API_KEY} and {@code OPENAI_BASE_URL} (a scripted OpenAI-compatible
 * LLM) and no Secret: it finds the LLM, makes the Secrets, writes the agent from its instructions, checks it, runs
 * it, and the agent's mail lands in the local mailbox; kubectl against the kubeconfig it prints shows the agent.
 *
 * <p>The example's {@code spec.synthesis.modelRef} is taken out of the copy: the operator reaches a model proxy's
 * Service in local mode only once it can be given the pod runner's addresses (the synthesis work); until then the
 * agent is written by the default synthesis LLM, which {@code langop local} sets to the LLM it found.
 */
class DefaultExampleIT {

    private static final Path EXAMPLE =
            Path.of(System.getProperty("langop.examples.dir", "../examples"), "simple-agent");
    private static final String KEY = "sk-langop-default-example";
    private static final String DIGEST = "CVE-2099-0001 in kube-apiserver is fixed in 1.99.1. Upgrade this week.";
    private static final Pattern MAIL = Pattern.compile(
            "mail +from digest@example\\.com to platform-team@example\\.com: \"Kubernetes security digest\"; read it: (\\S+)");
    private static final Pattern KUBECONFIG = Pattern.compile("kubectl +export KUBECONFIG=(\\S+)");

    @TempDir
    static Path temp;

    private static ScriptedOpenAiServer llm;
    private static Process local;
    private static final List<String> account = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void runTheDefaultExample() throws IOException {
        llm = new ScriptedOpenAiServer();
        // the instructions are only in the synthesis prompt; the persona and the agent's own call get the digest
        llm.when("platform-team@example.com", new ScriptedOpenAiServer.Text(synthesizedAgent(), 900, 300));
        llm.otherwise(new ScriptedOpenAiServer.Text(DIGEST, 40, 20));
        Path manifests = withoutSynthesisModelRef(EXAMPLE, temp.resolve("simple-agent"));
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.langop.agent.cli.Main",
                        "local",
                        manifests.toString(),
                        "--work",
                        temp.resolve("work").toString())
                .redirectErrorStream(true);
        Stream.of("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_API_KEY", "SYNTHESIS_ENDPOINT", "SYNTHESIS_MODEL")
                .forEach(command.environment()::remove);
        command.environment().put("OPENAI_API_KEY", KEY);
        command.environment().put("OPENAI_BASE_URL", llm.baseUrl());
        local = command.start();
        Thread.ofVirtual().start(() -> readLines(local.getInputStream()));
        try {
            await("the agent's mail in the local mailbox")
                    .atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() ->
                            account.stream().anyMatch(line -> MAIL.matcher(line).find()) || !local.isAlive());
        } finally {
            System.out.println(String.join("\n", account));
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (local != null) {
            List<ProcessHandle> started = local.descendants().toList();
            local.destroy();
            assertThat(local.waitFor(60, TimeUnit.SECONDS))
                    .as("langop local stops on SIGTERM")
                    .isTrue();
            assertThat(started).noneMatch(ProcessHandle::isAlive);
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    void theAgentIsWrittenFromItsInstructionsRunsAndItsMailLandsInTheLocalMailbox() throws IOException {
        assertThat(account.stream().filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d llm +.*")))
                .as("the LLM found, said once")
                .singleElement()
                .asString()
                .endsWith(
                        "llm       model gpt-4o-mini at " + llm.baseUrl()
                                + " (OPENAI_API_KEY, OPENAI_BASE_URL), for every LanguageModel that cannot reach its own endpoint");
        assertThat(account)
                .anyMatch(line -> line.endsWith("secret    made Secret research/openai-credentials: the API key from "
                        + "OPENAI_API_KEY, OPENAI_BASE_URL"))
                .anyMatch(line -> line.contains("secret    made Secret research/smtp-credentials:"))
                .anyMatch(line -> line.contains("condition LanguageAgent research/kubernetes-digest: Synthesized=True"))
                .anyMatch(line -> line.contains("condition LanguageAgent research/kubernetes-digest: Validated=True"));
        Matcher mail = account.stream()
                .map(MAIL::matcher)
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mail in the account"));
        assertThat(Files.readString(Path.of(mail.group(1)))).contains(DIGEST);

        String synthesis = String.join("\n", llm.messagesOf(indexOfRequestWith("platform-team@example.com")));
        assertThat(synthesis).contains("search the web for news of the last 24 hours about Kubernetes");
        assertThat(llm.requests())
                .as("the agent's own call, through the model proxy, under the example's model name")
                .anySatisfy(request -> {
                    assertThat(request.path("model").asText()).isEqualTo("gpt-4o-mini");
                    assertThat(request.toString()).contains("Summarise today's Kubernetes security news");
                });
        try (Stream<Path> files = Files.walk(temp.resolve("work"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".log")).toList())
                    .isNotEmpty()
                    .allSatisfy(log ->
                            assertThat(Files.readString(log)).as(log.toString()).doesNotContain(KEY));
        }
        assertThat(String.join("\n", account)).doesNotContain(KEY);
    }

    @Test
    void kubectlShowsTheAgentThroughThePrintedKubeconfig() {
        Path kubeconfig = Path.of(account.stream()
                .map(KUBECONFIG::matcher)
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no kubeconfig line in the account"))
                .group(1));
        Kubectl kubectl = Kubectl.against(kubeconfig, temp.resolve("kube-cache"));

        Kubectl.Result agents = kubectl.run("get", "lagent", "-A");
        Kubectl.Result described = kubectl.run("describe", "lagent", "kubernetes-digest", "-n", "research");

        assertThat(agents.out())
                .as(agents.all())
                .containsPattern(
                        "NAMESPACE\\s+NAME\\s+AGE\\s+MODE\\s+SCHEDULE\\s+COST\\s+LAST RUN\\s+SUCCESS RATE\\s+PHASE")
                .containsPattern("research\\s+kubernetes-digest\\s+\\S+\\s+scheduled\\s+0 7 \\* \\* 1-5\\s+.*Running");
        assertThat(described.out())
                .as(described.all())
                .contains("Name:         kubernetes-digest")
                .containsPattern("Type:\\s+Synthesized")
                .containsPattern("Reason:\\s+Synthesized")
                .contains("Events:");
    }

    private static int indexOfRequestWith(String text) {
        for (int i = 0; i < llm.requests().size(); i++) {
            if (String.join("\n", llm.messagesOf(i)).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no request to the LLM mentions " + text);
    }

    private static String synthesizedAgent() throws IOException {
        try (InputStream code = DefaultExampleIT.class.getResourceAsStream("/default-example/Agent.java")) {
            return "Here is the agent:\n```java\n"
                    + new String(Objects.requireNonNull(code).readAllBytes(), StandardCharsets.UTF_8) + "```";
        }
    }

    private static void readLines(InputStream out) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            reader.lines().forEach(account::add);
        } catch (IOException ended) {
            // the process ended
        }
    }

    /** The example as shipped, but for its synthesis.modelRef (see the class comment). */
    private static Path withoutSynthesisModelRef(Path example, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(example)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("agent.yaml")) {
                    assertThat(text).contains("    modelRef: gpt-4o-mini\n");
                    text = text.replace("    modelRef: gpt-4o-mini\n", "");
                }
                Files.writeString(target.resolve(file.getFileName()), text);
            }
        }
        return target;
    }
}
