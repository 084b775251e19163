package io.langop.agent.cli;

import io.langop.agent.runtime.AgentLoader;
import io.langop.agent.runtime.AgentRuntime;
import io.langop.agent.runtime.ExitStatus;
import io.langop.agent.runtime.InvalidAgentException;
import io.langop.agent.runtime.RuntimeChecker;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.config.AgentConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs an agent: the container entry point (everything from the environment the operator sets) and
 * local use ({@code langop run Agent.java --model-endpoint http://localhost:8000}). Flags override
 * environment variables. Without a source file, {@code AGENT_INSTRUCTIONS} becomes the single objective.
 */
@Command(name = "run", description = "Check, compile and run an agent in its execution mode.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final Map<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Agent source (default: AGENT_CODE_PATH or /etc/agent/code/Agent.java)")
    Path file;

    @Option(names = "--model-endpoint", description = "OpenAI-compatible endpoint (overrides MODEL_ENDPOINTS)")
    String modelEndpoint;

    @Option(names = "--model", description = "Model name (overrides LLM_MODEL)")
    String model;

    @Option(names = "--mcp-server", description = "MCP server URL, repeatable (overrides MCP_SERVERS)")
    List<URI> mcpServers;

    @Option(names = "--mode", description = "autonomous, scheduled, interactive or event-driven (overrides AGENT_MODE and the code)")
    String mode;

    @Option(names = "--workspace", description = "Workspace directory (overrides WORKSPACE_PATH)")
    Path workspace;

    @Option(names = "--port", description = "HTTP port for health, metrics, chat and webhooks (overrides PORT)")
    Integer port;

    RunCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        AgentRuntime runtime;
        try {
            AgentConfig config = config();
            runtime = AgentRuntime.connect(config, () -> load(config));
        } catch (InvalidAgentException invalid) {
            spec.commandLine().getErr().println(invalid.getMessage());
            return ExitStatus.INVALID_AGENT.code();
        } catch (IllegalArgumentException misconfigured) {
            spec.commandLine().getErr().println(misconfigured.getMessage());
            return ExitStatus.USAGE.code();
        }
        try (runtime) {
            return abortOnSigterm(runtime).code();
        }
    }

    /** Flags win over the environment: they replace the variables they stand for. */
    private AgentConfig config() {
        Map<String, String> settings = new HashMap<>(environment);
        override(settings, "MODEL_ENDPOINTS", modelEndpoint);
        override(settings, "LLM_MODEL", model);
        override(settings, "MCP_SERVERS", mcpServers == null ? null : mcpServers.stream().map(URI::toString).collect(Collectors.joining(",")));
        override(settings, "AGENT_MODE", mode);
        override(settings, "WORKSPACE_PATH", workspace == null ? null : workspace.toString());
        override(settings, "PORT", port == null ? null : port.toString());
        if (file != null) {
            // run from a file on a workstation: a finished autonomous agent exits instead of idling like a pod
            settings.putIfAbsent("AGENT_IDLE_WHEN_DONE", "false");
        }
        return AgentConfig.from(settings);
    }

    private static void override(Map<String, String> settings, String variable, String flagValue) {
        if (flagValue != null) {
            settings.put(variable, flagValue);
        }
    }

    private AgentDefinition load(AgentConfig config) throws InvalidAgentException {
        Path source = file != null ? file : config.codePath();
        if (Files.isDirectory(source)) {
            source = source.resolve("Agent.java"); // the operator mounts the code ConfigMap as a directory
        }
        if (file == null && !Files.exists(source) && config.instructions().isPresent()) {
            LOG.info("No agent code at {}: running the instructions as the single objective", source);
            return AgentDefinition.fromInstructions(config.agentName().orElse("agent"), config.instructions().get());
        }
        return new AgentLoader(RuntimeChecker.get()).load(source);
    }

    /** On SIGTERM the run in progress is interrupted (its step aborts) and the process exits with 143. */
    private static ExitStatus abortOnSigterm(AgentRuntime runtime) throws Exception {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onSigterm = new Thread(() -> {
            if (finished.getCount() > 0) {
                LOG.warn("SIGTERM: aborting the current run");
                worker.interrupt();
                try {
                    finished.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "sigterm");
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
