package io.langop.kit.tool;

import io.langop.server.ServiceServer;
import io.langop.server.metrics.MeterRegistries;
import io.langop.server.telemetry.Telemetry;
import io.langop.wire.ServiceWire;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MCP server for a set of {@link Tool}s, started in one call:
 *
 * <pre>{@code
 * public static void main(String[] args) throws InterruptedException {
 *   ToolServer.serve("langop-tool-web", new WebTools(WebSettings.fromEnv()).all()).join();
 * }
 * }</pre>
 *
 * It speaks streamable HTTP at {@code /mcp} and, for clients of the 2024-11-05 protocol, HTTP+SSE at
 * {@code /sse} (messages posted to {@code /sse/message}), on the project's {@link ServiceServer}: Jetty
 * on virtual threads with {@code /healthz}, {@code /readyz} and {@code /metrics}. Tool handlers run on
 * the request's virtual thread, so blocking I/O in a tool is fine. {@link #close()} stops taking
 * calls, ends the MCP sessions and drains in-flight requests.
 *
 * <p>As the MCP specification requires against DNS rebinding, a request carrying an {@code Origin}
 * header is refused (403) unless that origin was allowed: agents send none, browsers always do.
 */
public final class ToolServer implements AutoCloseable {

    public static final String MCP_PATH = ServiceWire.MCP_PATH;
    public static final String SSE_PATH = ServiceWire.MCP_SSE_PATH;
    public static final String SSE_MESSAGE_PATH = "/sse/message";

    private static final Logger LOG = LoggerFactory.getLogger(ToolServer.class);

    /** How long {@link #close()} waits for MCP requests in progress. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private final ServiceServer http;
    private final List<McpSyncServer> mcpServers;
    private final InFlightRequests inFlight;
    private final AtomicBoolean accepting = new AtomicBoolean(true);

    private ToolServer(ServiceServer.Builder http, List<McpSyncServer> mcpServers, InFlightRequests inFlight) {
        this.mcpServers = mcpServers;
        this.inFlight = inFlight;
        this.http = http.readiness(accepting::get).start();
    }

    /**
     * Starts a server for {@code tools} on the port in {@code PORT} (default 8080) of the address in
     * {@code BIND_ADDRESS} (default every interface), accepting browser
     * origins listed in {@code MCP_ALLOWED_ORIGINS} (comma-separated, e.g. {@code http://localhost:6274}),
     * and closes it gracefully when the JVM is asked to stop. The call returns once the server listens.
     */
    public static ToolServer serve(String name, Collection<Tool> tools) {
        Telemetry telemetry = Telemetry.start(name);
        String origins = System.getenv().getOrDefault("MCP_ALLOWED_ORIGINS", "");
        ToolServer server = builder(name)
                .tools(tools)
                .port(ServiceServer.portFromEnv(8080))
                .bindAddress(ServiceServer.bindAddressFromEnv())
                .allowedOrigins(Arrays.stream(origins.split(","))
                        .map(String::strip)
                        .filter(o -> !o.isEmpty())
                        .toList())
                .start();
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name(name + "-shutdown").unstarted(() -> {
                    server.close();
                    telemetry.close(); // after the calls in flight have ended, with their spans
                }));
        return server;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public int port() {
        return http.port();
    }

    /** Base URI on loopback, e.g. {@code http://localhost:8080}. */
    public URI uri() {
        return http.uri();
    }

    /** The streamable HTTP endpoint. */
    public URI mcpUri() {
        return http.uri().resolve(MCP_PATH);
    }

    public PrometheusMeterRegistry meterRegistry() {
        return http.meterRegistry();
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        http.join();
    }

    @Override
    public void close() {
        if (!accepting.compareAndSet(true, false)) {
            return; // closed already, or closing on another thread (the shutdown hook, say)
        }
        // Not ready first, so the Service stops routing here; let requests in progress finish and
        // answer (closing a session drops the answers still owed on it); then end the MCP sessions,
        // whose open event streams would otherwise hold Jetty's drain until its timeout; then stop Jetty.
        try {
            if (!inFlight.awaitIdle(DRAIN_TIMEOUT)) {
                LOG.warn("MCP requests still running after {}; closing anyway", DRAIN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (McpSyncServer server : mcpServers) {
            try {
                server.closeGracefully();
            } catch (RuntimeException e) {
                LOG.warn("MCP transport did not close cleanly: {}", e.toString());
            }
        }
        http.close();
    }

    /** Collects the tools and settings of a {@link ToolServer}. */
    public static final class Builder {
        private final String name;
        private String version = "0.1.0";
        private int port = 8080;
        private InetAddress bindAddress;
        private final List<Tool> tools = new ArrayList<>();
        private final List<String> allowedOrigins = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Version reported in the MCP {@code initialize} handshake. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Port to bind; 0 picks a free one. Default 8080. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The one address to listen on; null, the default, listens on every interface. */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /** Browser origins allowed to call, e.g. {@code http://localhost:6274} or {@code https://ui.example.com:*}. */
        public Builder allowedOrigins(Collection<String> origins) {
            allowedOrigins.addAll(origins);
            return this;
        }

        public Builder tool(Tool tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        public Builder tools(Collection<Tool> tools) {
            tools.forEach(this::tool);
            return this;
        }

        public ToolServer start() {
            var names = new HashSet<String>();
            tools.stream().filter(tool -> !names.add(tool.name())).findFirst().ifPresent(tool -> {
                throw new IllegalArgumentException("two tools named '" + tool.name() + "'");
            });
            var registry = MeterRegistries.prometheus();
            List<SyncToolSpecification> specifications = tools.stream()
                    .map(tool -> new ToolCallHandler(tool, registry).specification())
                    .toList();

            var origins = DefaultServerTransportSecurityValidator.builder()
                    .allowedOrigins(allowedOrigins)
                    .build();
            var streamable = HttpServletStreamableServerTransportProvider.builder()
                    .mcpEndpoint(MCP_PATH)
                    .httpHeaderValidator(origins)
                    .contextExtractor(ToolCallTrace.headers())
                    .build();
            var sse = sseTransport(origins);
            List<McpSyncServer> mcpServers = List.of(
                    configure(McpServer.sync(streamable), specifications),
                    configure(McpServer.sync(sse), specifications));

            var inFlight = new InFlightRequests();
            var http = ServiceServer.builder(name)
                    .port(port)
                    .bindAddress(bindAddress)
                    .meterRegistry(registry)
                    .servlet(MCP_PATH + "/*", new CountingServlet(streamable, inFlight))
                    .servlet(SSE_PATH + "/*", new CountingServlet(sse, inFlight));
            ToolServer server = new ToolServer(http, mcpServers, inFlight);
            LOG.info(
                    "{} serves {} tools: {}",
                    name,
                    tools.size(),
                    tools.stream().map(Tool::name).toList());
            return server;
        }

        // The HTTP+SSE transport is deprecated in the SDK as in the protocol, but clients of the
        // 2024-11-05 protocol still use it: kept until they are gone.
        @SuppressWarnings("deprecation")
        private static HttpServletSseServerTransportProvider sseTransport(
                DefaultServerTransportSecurityValidator origins) {
            return HttpServletSseServerTransportProvider.builder()
                    .httpHeaderValidator(origins)
                    .sseEndpoint(SSE_PATH)
                    .messageEndpoint(SSE_MESSAGE_PATH)
                    .contextExtractor(ToolCallTrace.headers())
                    .build();
        }

        private McpSyncServer configure(McpServer.SyncSpecification<?> spec, List<SyncToolSpecification> tools) {
            return spec.serverInfo(name, version)
                    .capabilities(ServerCapabilities.builder().tools(false).build())
                    // Our binding coerces "10" to 10 before validating; the SDK's schema check would refuse it first.
                    .validateToolInputs(false)
                    // Run handlers on the request's virtual thread instead of Reactor's bounded pool.
                    .immediateExecution(true)
                    .tools(tools)
                    .build();
        }
    }
}
