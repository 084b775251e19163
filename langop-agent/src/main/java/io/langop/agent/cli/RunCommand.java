package io.langop.agent.cli;

import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs an agent: the container entry point (everything from the environment the operator sets) and
 * local use ({@code langop run Agent.java --model-endpoint http://localhost:8000}). Flags override
 * environment variables. Without a source file, {@code AGENT_INSTRUCTIONS} becomes the single objective.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Check, compile and run an agent in its execution mode.")
final class RunCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "FILE",
            description = "Agent source (default: AGENT_CODE_PATH or /etc/agent/code/Agent.java)")
    Path file;

    @Option(names = "--model-endpoint", description = "OpenAI-compatible endpoint (overrides MODEL_ENDPOINTS)")
    String modelEndpoint;

    @Option(names = "--model", description = "Model name (overrides LLM_MODEL)")
    String model;

    @Option(names = "--mcp-server", description = "MCP server URL, repeatable (overrides MCP_SERVERS)")
    List<URI> mcpServers;

    @Option(
            names = "--mode",
            description = "autonomous, scheduled, interactive or event-driven (overrides AGENT_MODE and the code)")
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
        return AgentLaunch.run(settings(), file, spec.commandLine().getErr());
    }

    /** Flags win over the environment: they replace the variables they stand for. */
    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(environment);
        override(settings, AgentEnv.MODEL_ENDPOINTS, modelEndpoint);
        override(settings, AgentEnv.LLM_MODEL, model);
        override(
                settings,
                AgentEnv.MCP_SERVERS,
                mcpServers == null
                        ? null
                        : mcpServers.stream().map(URI::toString).collect(Collectors.joining(",")));
        override(settings, AgentEnv.AGENT_MODE, mode);
        override(settings, AgentEnv.WORKSPACE_PATH, workspace == null ? null : workspace.toString());
        override(settings, ServiceWire.PORT_ENV, port == null ? null : port.toString());
        if (file != null) {
            // run from a file on a workstation: a finished autonomous agent exits instead of idling like a pod
            settings.putIfAbsent(AgentEnv.AGENT_IDLE_WHEN_DONE, "false");
        }
        return settings;
    }

    private static void override(Map<String, String> settings, String variable, String flagValue) {
        if (flagValue != null) {
            settings.put(variable, flagValue);
        }
    }
}
