package io.langop.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.langop.agent.cli.LangopSubcommand;
import io.langop.operator.OperatorSettings;
import io.langop.operator.synthesis.SynthesisModelOptions;
import io.langop.operator.synthesis.SynthesisSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            "Not a cluster: no kubelet (pods are JVM processes of the langop images), no NetworkPolicies enforced, "
                    + "CronJobs run once at start instead of on their schedule. See docs/local.md."
        })
public final class LocalCommand implements Callable<Integer>, LangopSubcommand {

    static final int EXIT_BAD_INPUT = 2;

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

    @Mixin
    SynthesisModelOptions synthesis;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<HasMetadata> manifests;
        try {
            manifests = Manifests.read(dir);
        } catch (IllegalArgumentException badInput) {
            System.err.println("langop local: " + badInput.getMessage());
            return EXIT_BAD_INPUT;
        }
        Path workDir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("langop-local-");
        PrintStream out = System.out;
        Path log = workDir.resolve("langop-local.log");
        LogFile.redirect(log);
        out.println("langop local: " + manifests.size() + " objects from " + dir + "; log of the operator in " + log);
        LocalRun run = LocalRun.start(manifests, workDir.toAbsolutePath(), settings(), out);
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

    OperatorSettings settings() {
        return OperatorSettings.defaults().withSynthesis(synthesis.applyTo(SynthesisSettings.disabled()));
    }
}
