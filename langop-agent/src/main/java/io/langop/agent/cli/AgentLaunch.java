package io.langop.agent.cli;

import io.langop.agent.runtime.AgentLoader;
import io.langop.agent.runtime.AgentRuntime;
import io.langop.agent.runtime.ExitStatus;
import io.langop.agent.runtime.InvalidAgentException;
import io.langop.agent.runtime.RuntimeChecker;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.config.AgentConfig;
import io.langop.server.telemetry.MetricsPush;
import io.langop.server.telemetry.Telemetry;
import io.langop.wire.AgentFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, compiles and runs one agent until it is done or SIGTERM arrives: what {@code langop run} does,
 * shared by the command and by the container's entry point, which skips the command-line parser.
 */
final class AgentLaunch {

    private static final Logger LOG = LoggerFactory.getLogger(AgentLaunch.class);

    private AgentLaunch() {}

    /**
     * Runs the agent in {@code file}, or where {@code AGENT_CODE_PATH} says when it is null, and returns the
     * process exit status; configuration problems go to {@code err} in one line.
     */
    static int run(Map<String, String> settings, Path file, PrintWriter err) throws Exception {
        // closed last: the spans and meters of the run are exported before a scheduled agent's process exits
        try (Telemetry ignored = Telemetry.start("langop-agent", settings);
                MetricsPush push = MetricsPush.start("langop-agent", settings)) {
            return runAgent(settings, file, err, push);
        }
    }

    private static int runAgent(Map<String, String> settings, Path file, PrintWriter err, MetricsPush push)
            throws Exception {
        AgentRuntime runtime;
        try {
            AgentConfig config = AgentConfig.from(settings);
            runtime = AgentRuntime.connect(config, () -> load(config, file), push);
        } catch (InvalidAgentException invalid) {
            err.println(invalid.getMessage());
            return ExitStatus.INVALID_AGENT.code();
        } catch (IllegalArgumentException misconfigured) {
            err.println(misconfigured.getMessage());
            return ExitStatus.USAGE.code();
        }
        try (runtime) {
            return abortOnSigterm(runtime).code();
        }
    }

    private static AgentDefinition load(AgentConfig config, Path file) throws InvalidAgentException {
        Path source = file != null ? file : config.codePath();
        if (Files.isDirectory(source)) {
            source = source.resolve(AgentFiles.CODE_FILE); // the operator mounts the code ConfigMap as a directory
        }
        if (file == null && !Files.exists(source) && config.instructions().isPresent()) {
            LOG.info("No agent code at {}: running the instructions as the single objective", source);
            return AgentDefinition.fromInstructions(
                    config.agentName().orElse("agent"), config.instructions().get());
        }
        return new AgentLoader(RuntimeChecker.get()).load(source);
    }

    /** On SIGTERM the run in progress is interrupted (its step aborts) and the process exits with 143. */
    private static ExitStatus abortOnSigterm(AgentRuntime runtime) throws Exception {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onSigterm = new Thread(
                () -> {
                    if (finished.getCount() > 0) {
                        LOG.warn("Shutting down (SIGTERM, or the process ends): aborting the current run");
                        worker.interrupt();
                        try {
                            finished.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException ignored) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "sigterm");
        Runtime.getRuntime().addShutdownHook(onSigterm);
        try {
            return runtime.run();
        } catch (InterruptedException interrupted) {
            return ExitStatus.TERMINATED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSigterm);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it will see `finished` and return
            }
        }
    }
}
