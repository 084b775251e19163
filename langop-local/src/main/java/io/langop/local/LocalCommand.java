package io.langop.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.langop.agent.cli.LangopSubcommand;
import io.langop.local.llm.LlmDiscovery;
import io.langop.local.llm.LocalLlm;
import io.langop.operator.OperatorSettings;
import io.langop.operator.synthesis.SynthesisModelOptions;
import io.langop.operator.synthesis.SynthesisSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code langop local [DIR]}: the operator against an in-process API server, the manifests in DIR
 * applied, their pods run as processes on this machine, an account of what happens on stdout
 * until Ctrl-C, then everything it started stopped. See docs/local.md.
 */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Try langop without a cluster: starts the operator against an in-process API server, applies "
                    + "the manifests in DIR, runs the pods it creates as local processes and tells what happens until Ctrl-C.",
            "The LLM: --llm URL, else OPENAI_API_KEY (and OPENAI_BASE_URL), else an Ollama on localhost:11434; every "
                    + "LanguageModel that cannot reach its own endpoint uses it, and so does synthesis. Mail: every email "
                    + "tool sends to and reads a local mailbox.",
            "Not a cluster: no kubelet (pods are JVM processes of the langop images), no NetworkPolicies enforced, "
                    + "CronJobs run once at start instead of on their schedule. See docs/local.md."
        })
public final class LocalCommand implements Callable<Integer>, LangopSubcommand {

    static final int EXIT_BAD_INPUT = 2;

    /** How long an LLM gets to list its models when langop local looks for one. */
    private static final Duration LLM_PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            defaultValue = "examples/simple-agent",
            description = "Directory of YAML manifests, read recursively (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Where the pods' logs, volumes and workspaces go "
                    + "(default: a new directory under the system's temp dir).")
    Path work;

    @Option(
            names = "--llm",
            paramLabel = "URL",
            description = "OpenAI-compatible base URL (with /v1) of the LLM to use, e.g. a vLLM or LM Studio; its "
                    + "API key, if it needs one, from env LLM_API_KEY. Default: OPENAI_API_KEY's OpenAI "
                    + "(at OPENAI_BASE_URL if set), else an Ollama on localhost:11434.")
    Optional<String> llm;

    @Option(
            names = "--llm-model",
            paramLabel = "MODEL",
            description = "Model of that LLM (default: the first it lists; " + "gpt-4o-mini for OpenAI).")
    Optional<String> llmModel;

    @Option(
            names = "--local-mail",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Every email tool sends to and reads the local mailbox (default); --no-local-mail keeps "
                    + "the SMTP and IMAP servers its LanguageTool names, so mail really leaves.")
    boolean localMail;

    @Mixin
    SynthesisModelOptions synthesis;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<HasMetadata> manifests;
        LlmDiscovery.Outcome found;
        try {
            manifests = Manifests.read(dir);
            found = new LlmDiscovery(System.getenv(), LlmDiscovery.OLLAMA_URL, LLM_PROBE_TIMEOUT).find(llm, llmModel);
        } catch (IllegalArgumentException badInput) {
            System.err.println("langop local: " + badInput.getMessage());
            return EXIT_BAD_INPUT;
        }
        Path workDir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("langop-local-");
        PrintStream out = System.out;
        Path log = workDir.resolve("langop-local.log");
        LogFile.redirect(log);
        out.println("langop local: " + manifests.size() + " objects from " + dir + "; log of the operator in " + log);
        LocalSetup setup = new LocalSetup(settings(found), found, localMail);
        LocalRun run = LocalRun.start(manifests, workDir.toAbsolutePath(), setup, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("langop-local-stop").unstarted(() -> {
                    run.close();
                    stopped.countDown();
                }));
        out.println("Running; Ctrl-C stops everything.");
        stopped.await();
        return 0;
    }

    /**
     * The operator's settings: synthesis with the model and endpoint given by the synthesis options, the LLM found
     * filling in what they leave open.
     */
    OperatorSettings settings(LlmDiscovery.Outcome found) {
        SynthesisSettings given = synthesis.applyTo(SynthesisSettings.disabled());
        Optional<LocalLlm> llm = found instanceof LlmDiscovery.Found hit ? Optional.of(hit.llm()) : Optional.empty();
        if (given.endpoint().isPresent() || llm.isEmpty()) {
            return OperatorSettings.defaults().withSynthesis(given);
        }
        return OperatorSettings.defaults()
                .withSynthesis(new SynthesisSettings(
                        Optional.of(llm.get().baseUrl()),
                        given.model().or(() -> Optional.of(llm.get().model())),
                        llm.get().apiKey(),
                        given.repairRounds(),
                        given.namespaceBurst(),
                        given.namespaceRefill(),
                        given.firstRetry(),
                        given.llmTimeout(),
                        given.concurrentRuns()));
    }
}
