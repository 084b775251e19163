package io.langop.agent.runtime;

import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.AgentRunner;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.config.RetryPolicy;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.server.ServiceServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A loaded agent wired to its model and tools, run in its execution mode: {@code AGENT_MODE} (or
 * {@code --mode}) when set, else the mode the code declares.
 *
 * <ul>
 *   <li>scheduled: one run; the exit status tells the CronJob how it went;</li>
 *   <li>autonomous: cycles with a pause between them until the objectives are complete, a run fails,
 *       or the cycle limit is reached; serves health and metrics meanwhile;</li>
 *   <li>interactive: an OpenAI-compatible chat endpoint ({@code /v1/chat/completions}, {@code /v1/models});</li>
 *   <li>event-driven: {@code POST /webhook} starts a run per accepted event.</li>
 * </ul>
 */
public final class AgentRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);

    private final AgentConfig config;
    private final AgentRunner runner;
    private final McpTools tools;
    private final AgentChat chat;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private WebhookServlet webhook;

    private AgentRuntime(AgentConfig config, AgentRunner runner, McpTools tools, AgentChat chat) {
        this.config = config;
        this.runner = runner;
        this.tools = tools;
        this.chat = chat;
    }

    /** Produces the agent definition: checks and loads the source, or uses a definition at hand. */
    @FunctionalInterface
    public interface AgentSource {
        AgentDefinition load() throws InvalidAgentException;
    }

    /**
     * Loads the agent while connecting the MCP servers in the background (sidecars may take seconds to
     * come up, compiling the source takes about as long), then wires the model client.
     *
     * @throws IllegalArgumentException when no model endpoint is configured
     */
    public static AgentRuntime connect(AgentConfig config, AgentSource source) throws InterruptedException, InvalidAgentException {
        String endpoint = config.modelEndpoint().map(Object::toString).orElseThrow(() -> new IllegalArgumentException(
                "no model endpoint: set MODEL_ENDPOINTS (or pass --model-endpoint)"));
        LOG.info("Starting with {}", config);
        AgentDefinition agent;
        McpTools tools;
        try (var background = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<McpTools> connecting = background.submit(() ->
                    McpTools.connect(config.mcpServers(), RetryPolicy.MCP_CONNECT, config.llmTimeout()));
            try {
                agent = source.load();
            } catch (InvalidAgentException | RuntimeException invalid) {
                connecting.cancel(true);
                throw invalid;
            }
            try {
                tools = connecting.get();
            } catch (ExecutionException failed) {
                throw new IllegalStateException("connecting the MCP servers failed: " + failed.getCause().getMessage(), failed.getCause());
            }
        }
        LOG.info("Agent {} has {} tools: {}", agent.name(), tools.toolNames().size(), tools.toolNames());
        LlmClient llm = LlmClient.openAiCompatible(endpoint, config.apiKey(), config.modelName(), config.llmTimeout(), RetryPolicy.LLM_CALL);
        AgentRunner runner = new AgentRunner(agent, llm, tools, config.workspace(), Clock.systemDefaultZone());
        return new AgentRuntime(config, runner, tools, new AgentChat(agent, llm, tools));
    }

    public ExecutionMode mode() {
        return config.mode().orElse(runner.agent().mode());
    }

    private String agentName() {
        return config.agentName().orElse(runner.agent().name());
    }

    /** Runs until the mode is done (for the serving modes: until SIGTERM); returns how the process should exit. */
    public ExitStatus run() throws InterruptedException {
        try (var ignored = MDC.putCloseable("agent", agentName())) {
            LOG.info("Running in {} mode", mode().wireName());
            return switch (mode()) {
                case SCHEDULED -> {
                    var outcome = runner.run(null);
                    new RunMetrics(metrics).record(outcome);
                    yield ExitStatus.of(outcome);
                }
                case AUTONOMOUS -> {
                    try (ServiceServer server = serverBuilder().start()) {
                        ExitStatus status = new AutonomousLoop(runner, config.cyclePause(), config.maxCycles(), new RunMetrics(metrics)).run();
                        if (config.idleWhenDone()) {
                            // exiting would make the Deployment start the agent again and repeat its work
                            LOG.info("Autonomous work ended ({}): idling until stopped", status);
                            server.join();
                        }
                        yield status;
                    }
                }
                case INTERACTIVE, EVENT_DRIVEN -> {
                    try (ServiceServer server = serve().closeOnShutdown()) {
                        server.join();
                        yield ExitStatus.SUCCESS;
                    }
                }
            };
        }
    }

    /** Starts the HTTP endpoints of the interactive or event-driven mode and returns at once. */
    public ServiceServer serve() {
        var builder = serverBuilder();
        if (mode() == ExecutionMode.INTERACTIVE) {
            builder.servlet("/v1/*", new ChatCompletionsServlet(agentName(), chat));
        } else {
            webhook = new WebhookServlet(runner, config.webhookSecret(), new RunMetrics(metrics));
            builder.servlet("/webhook/*", webhook);
        }
        ServiceServer server = builder.start();
        LOG.info("Serving {} mode on port {}", mode().wireName(), server.port());
        return server;
    }

    private ServiceServer.Builder serverBuilder() {
        return ServiceServer.builder("langop-agent").port(config.port()).meterRegistry(metrics);
    }

    @Override
    public void close() {
        if (webhook != null) {
            webhook.close();
        }
        tools.close();
    }
}
