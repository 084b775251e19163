package io.langop.agent.runtime;

import io.langop.agent.approval.ApprovalsServlet;
import io.langop.agent.trigger.DeliveryClaims;
import io.langop.agent.trigger.EventJournal;
import io.langop.agent.trigger.StoreDeliveryClaims;
import io.langop.agent.trigger.WebhookEndpoint;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.AgentRunner;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.approval.ApprovalGate;
import io.langop.sdk.approval.ApprovalRule;
import io.langop.sdk.approval.Approvals;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.config.MemoryConfig;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.memory.Memory;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.MemoryBackends;
import io.langop.sdk.memory.spi.MemorySettings;
import io.langop.sdk.memory.workspace.WorkspaceBackend;
import io.langop.sdk.retry.Backoff;
import io.langop.server.ServiceServer;
import io.langop.server.metrics.MeterRegistries;
import io.langop.server.telemetry.MetricsPush;
import io.langop.wire.AgentApprovals;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentTriggers;
import io.langop.wire.Meters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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
 *   <li>event-driven: each webhook trigger ({@code POST /webhook[/<name>]}) starts a run per accepted event.</li>
 * </ul>
 */
public final class AgentRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
    /** Longer than the kubelet takes to bring a changed ConfigMap into the proxy's volume. */
    private static final Duration KEY_PATIENCE = Duration.ofMinutes(3);
    /** Where an event-driven agent keeps the events it accepted and has not run, in its workspace. */
    static final String EVENT_DIRECTORY = ".langop/events";
    /** Delivery ids of run events kept to recognize a repeated delivery: days of a busy repository's webhooks. */
    private static final int REMEMBERED_DELIVERIES = 10_000;

    private final AgentConfig config;
    private final InetAddress bindAddress;
    private final AgentRunner runner;
    private final McpTools tools;
    private final AgentChat chat;
    private final Memory memory;
    private final DeliveryClaims deliveryClaims;
    private final ApprovalGate approvals;
    private final PrometheusMeterRegistry metrics;
    private final AgentMeters meters;
    private final RunReporter reporter;
    private WebhookServlet webhook;

    private AgentRuntime(
            AgentConfig config,
            InetAddress bindAddress,
            AgentRunner runner,
            McpTools tools,
            AgentChat chat,
            Memory memory,
            DeliveryClaims deliveryClaims,
            ApprovalGate approvals,
            PrometheusMeterRegistry metrics,
            AgentMeters meters,
            RunReporter reporter) {
        this.deliveryClaims = deliveryClaims;
        this.meters = meters;
        this.approvals = approvals;
        this.config = config;
        this.memory = memory;
        this.bindAddress = bindAddress;
        this.metrics = metrics;
        this.runner = runner;
        this.tools = tools;
        this.chat = chat;
        this.reporter = reporter;
    }

    /** Produces the agent definition: checks and loads the source, or uses a definition at hand. */
    @FunctionalInterface
    public interface AgentSource {
        AgentDefinition load() throws InvalidAgentException;
    }

    /**
     * Loads the agent (compile + check, the longest step of a cold start) while everything that does not
     * depend on it is prepared on other threads: the MCP connections (sidecars may take seconds to come
     * up), the model client (which loads the JDK's HTTP and TLS stacks) and the metrics registry.
     *
     * @throws IllegalArgumentException when no model endpoint is configured, or the bind address is no IP address
     */
    public static AgentRuntime connect(AgentConfig config, AgentSource source)
            throws InterruptedException, InvalidAgentException {
        return connect(config, source, MetricsPush.OFF);
    }

    /**
     * Like {@link #connect(AgentConfig, AgentSource)}, with the agent's meters also pushed over OTLP when the
     * process ends ({@code push} is closed by its owner after this runtime): a scheduled agent exits before any
     * scrape would see its run.
     */
    public static AgentRuntime connect(AgentConfig config, AgentSource source, MetricsPush push)
            throws InterruptedException, InvalidAgentException {
        String endpoint = config.modelEndpoint()
                .map(Object::toString)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no model endpoint: set MODEL_ENDPOINTS (or pass --model-endpoint)"));
        InetAddress bindAddress =
                ServiceServer.bindAddressFrom(config.bindAddress().orElse(null));
        LOG.info("Starting with {}", config);
        AgentDefinition agent;
        McpTools tools;
        LlmClient llm;
        PrometheusMeterRegistry metrics;
        AgentMeters meters;
        try (var background = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<PrometheusMeterRegistry> registry = background.submit(MeterRegistries::prometheus);
            Future<AgentMeters> agentMeters = background.submit(() -> {
                CompositeMeterRegistry both =
                        new CompositeMeterRegistry(io.micrometer.core.instrument.Clock.SYSTEM, List.of(registry.get()));
                push.attachTo(both);
                return new AgentMeters(both);
            });
            Future<McpTools> connecting = background.submit(() ->
                    McpTools.connect(config.mcpServers(), Backoff.MCP_CONNECT, config.llmTimeout(), agentMeters.get()));
            Future<LlmClient> llmClient = background.submit(() -> LlmClient.openAiCompatible(
                            endpoint, config.apiKey(), config.modelName(), config.llmTimeout(), Backoff.LLM_CALL)
                    .timedBy(agentMeters.get()));
            // a new agent's key reaches its proxy with the proxy's configuration, a minute or two after the pod starts
            Future<?> keyAccepted = background.submit(() -> {
                ProxyKeyWait.await(config, KEY_PATIENCE);
                return null;
            });
            try {
                // the spec's limits are ceilings: the code, written by an LLM, cannot raise them
                AgentDefinition loaded = source.load();
                agent = loaded.withConstraints(config.ceilings().applyTo(loaded.constraints()));
            } catch (InvalidAgentException | RuntimeException invalid) {
                connecting.cancel(true);
                keyAccepted.cancel(true);
                throw invalid;
            }
            tools = result(connecting, "connecting the MCP servers");
            llm = result(llmClient, "creating the model client");
            metrics = result(registry, "creating the metrics registry");
            meters = result(agentMeters, "creating the agent's meters");
            result(keyAccepted, "waiting for the model proxy to accept the agent's key");
        }
        LOG.info("Agent {} has {} tools: {}", agent.name(), tools.toolNames().size(), tools.toolNames());
        MemoryBackend store = openMemoryStore(config, config.agentName().orElse(agent.name()));
        Memory memory = new Memory(store, config.memory().limits(), Backoff.MEMORY);
        // the workspace is this pod's: its journal's delivery ids are all a shared claim could add
        DeliveryClaims claims = store instanceof WorkspaceBackend
                ? DeliveryClaims.PER_POD
                : new StoreDeliveryClaims(store, StoreDeliveryClaims.RETRIES);
        ApprovalGate approvals = new ApprovalGate(
                ApprovalRule.of(config.ceilings().limits().approval()),
                tools,
                new Approvals(Clock.systemUTC()),
                Clock.systemUTC());
        ApprovalReporter.of(config)
                .ifPresent(reporter -> approvals.approvals().onPendingChange(reporter::pendingChanged));
        Gauge.builder(Meters.AGENT_APPROVALS_PENDING.name(), approvals.approvals(), Approvals::pending)
                .description(Meters.AGENT_APPROVALS_PENDING.description())
                .register(metrics);
        if (approvals.isActive() && config.approvalToken().isEmpty()) {
            LOG.warn(
                    "Tool calls need approval but {} is not set: nobody can approve them, each waits until its"
                            + " deadline",
                    AgentEnv.AGENT_APPROVAL_TOKEN);
        }
        AgentRunner runner = new AgentRunner(
                agent,
                llm,
                tools,
                config.workspace(),
                memory,
                Clock.system(ZoneId.systemDefault()) /* {date} in output paths: the pod's zone */,
                config.stopGrace(),
                approvals,
                meters);
        RunReporter reporter = RunReporter.of(config);
        return new AgentRuntime(
                config,
                bindAddress,
                runner,
                tools,
                new AgentChat(
                        agent, llm, tools, memory.conversations(), config.stopGrace(), approvals, meters, reporter),
                memory,
                claims,
                approvals,
                metrics,
                meters,
                reporter);
    }

    /**
     * Opens the memory store without reaching it: a store that is down at start fails (and retries) the
     * operations that need it, not the agent. A configuration that describes no store (an unknown MEMORY_STORE, a
     * malformed MEMORY_URL) is logged, and the operations that need memory fail with the reason: a restart would
     * not mend it, so the agent is not made to crash in a loop.
     */
    private static MemoryBackend openMemoryStore(AgentConfig config, String agentName) {
        MemoryConfig settings = config.memory();
        MemoryBackend store = MemoryBackends.openOrExplain(new MemorySettings(
                settings.store(), settings.url().orElse(""), settings.scope(agentName), config.workspace()));
        LOG.info("Memory is kept in {}", store.description());
        return store;
    }

    /** The outcome of background work; an unchecked failure (e.g. a malformed endpoint) surfaces as it was thrown. */
    private static <T> T result(Future<T> work, String what) throws InterruptedException {
        try {
            return work.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(
                    what + " failed: " + failed.getCause().getMessage(), failed.getCause());
        }
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
                    // a scheduled run serves nothing, but a person must be able to decide on its tool calls
                    try (ServiceServer server =
                            approvals.isActive() ? serverBuilder().start() : null) {
                        var outcome = runner.run();
                        runMetrics().record(outcome);
                        yield ExitStatus.of(outcome);
                    }
                }
                case AUTONOMOUS -> {
                    try (ServiceServer server = serverBuilder().start()) {
                        ExitStatus status =
                                new AutonomousLoop(runner, config.cyclePause(), config.maxCycles(), runMetrics()).run();
                        if (config.idleWhenDone() && status != ExitStatus.RUN_STUCK) {
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
            webhook = new WebhookServlet(
                    runner,
                    WebhookEndpoint.of(config.triggers(), Clock.systemUTC()),
                    eventJournal(),
                    runMetrics(),
                    meters);
            builder.servlet(AgentTriggers.PATH + "/*", webhook);
            LOG.info("Webhook triggers: {}", config.triggers());
        }
        ServiceServer server = builder.start();
        LOG.info("Serving {} mode on port {}", mode().wireName(), server.port());
        return server;
    }

    /**
     * The accepted events, kept in the workspace so that they outlive the process: across pod restarts with a workspace
     * volume ({@code spec.workspace}), across container restarts only without one. A workspace that cannot be written
     * costs that guarantee, not the agent. Replicas sharing a memory store other than the workspace claim each delivery
     * there before they run it.
     */
    private EventJournal eventJournal() {
        int capacity = config.triggers().queueCapacity();
        try {
            return EventJournal.open(
                    config.workspace().resolve(EVENT_DIRECTORY), capacity, REMEMBERED_DELIVERIES, deliveryClaims);
        } catch (java.io.UncheckedIOException unwritable) {
            Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "langop-events");
            LOG.warn(
                    "Accepted events are kept in {}, which a restart may lose: {}",
                    fallback,
                    unwritable.getCause().toString());
            return EventJournal.open(fallback, capacity, REMEMBERED_DELIVERIES, deliveryClaims);
        }
    }

    /** The run counters, and the run reports to the model proxy when the operator asked for them. */
    private RunMetrics runMetrics() {
        return new RunMetrics(meters, reporter);
    }

    private ServiceServer.Builder serverBuilder() {
        return ServiceServer.builder("langop-agent")
                .port(config.port())
                .bindAddress(bindAddress)
                .meterRegistry(metrics)
                .servlet(
                        AgentApprovals.PATH + "/*",
                        new ApprovalsServlet(approvals.approvals(), config.approvalToken()));
    }

    @Override
    public void close() {
        if (webhook != null) {
            webhook.close();
        }
        tools.close();
        memory.close();
    }
}
