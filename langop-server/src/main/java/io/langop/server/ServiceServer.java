package io.langop.server;

import io.langop.server.metrics.JvmMetrics;
import io.langop.server.metrics.MeterRegistries;
import io.langop.wire.ServiceWire;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server stack of the project: Jetty 12 (ee10 servlets) on virtual threads, with the
 * endpoints every long-running component owes its operators — {@code /healthz}, {@code /readyz} and
 * {@code /metrics} (Prometheus text) — next to the component's own servlets.
 *
 * <p>Every request body is capped ({@link Builder#maxRequestBytes(long)}, 4 MiB by default): a body announced
 * larger is answered 413 before a byte of it is read, a chunked one as soon as it grows past the cap, so no
 * servlet that parses a body whole can be made to hold more. What Jetty answers itself is JSON in the shape
 * OpenAI clients parse ({@link JsonErrorHandler}).
 *
 * <p>Slow clients are bounded too: a request's head must arrive whole within {@link Builder#headTimeout} (20 s)
 * of its first byte ({@link HeadDeadline}), its body within {@link Builder#bodyTimeout} (30 s) of the head
 * ({@link BodyDeadlineHandler}, 408), and a connection silent for Jetty's idle timeout (30 s) is closed. Answers
 * are not bounded: server-sent events stream for as long as they last.
 *
 * <p>{@link #close()} is graceful: the connector stops accepting, in-flight requests get up to the
 * configured drain time to finish, then the server stops.
 */
public final class ServiceServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceServer.class);

    /**
     * The default cap of a request body: 4 MiB, as the model proxy's {@code maxRequestBytes}
     * ({@code ProxyConfig.DEFAULT_MAX_REQUEST_BYTES}), since the largest bodies here are the same chat requests.
     */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    /** A connection on which nothing moves for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final String component;
    private final Server server;
    private final PrometheusMeterRegistry meterRegistry;
    private final InetAddress bindAddress;

    private ServiceServer(
            String component, Server server, PrometheusMeterRegistry meterRegistry, InetAddress bindAddress) {
        this.component = component;
        this.server = server;
        this.meterRegistry = meterRegistry;
        this.bindAddress = bindAddress;
    }

    /** Starts describing a server for the named component (used in logs and as a metric tag). */
    public static Builder builder(String component) {
        return new Builder(component);
    }

    /** The port from the {@code PORT} environment variable, or {@code fallback} when it is unset. */
    public static int portFromEnv(int fallback) {
        return portFrom(System.getenv(ServiceWire.PORT_ENV), fallback);
    }

    /**
     * The address from the {@code BIND_ADDRESS} environment variable, or null (every interface) when it is unset.
     * Only IP literals are taken: a name would be looked up once, at start, and bind whichever address DNS gave.
     *
     * @throws IllegalArgumentException when the value is not an IP address
     */
    public static InetAddress bindAddressFromEnv() {
        return bindAddressFrom(System.getenv(ServiceWire.BIND_ADDRESS_ENV));
    }

    /** {@link #bindAddressFromEnv()} for a value read elsewhere (a settings map, a flag). */
    public static InetAddress bindAddressFrom(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    ServiceWire.BIND_ADDRESS_ENV + " must be an IP address such as 127.0.0.1 or ::1, got '" + value
                            + "'",
                    e);
        }
    }

    static int portFrom(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("PORT must be between 0 and 65535, got " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number, got '" + value + "'", e);
        }
    }

    public String component() {
        return component;
    }

    /** The port actually bound (useful when the builder asked for port 0). */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /**
     * Base URI for local clients and tests: {@code http://localhost:<port>}, or the bind address when the
     * server listens on one address only (localhost may not be it).
     */
    public URI uri() {
        if (bindAddress == null) {
            return URI.create("http://localhost:" + port());
        }
        String host = bindAddress.getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** The one address the server listens on, or empty when it listens on every interface. */
    public Optional<InetAddress> bindAddress() {
        return Optional.ofNullable(bindAddress);
    }

    public PrometheusMeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /** Closes the server gracefully when the JVM is asked to stop (SIGTERM, Ctrl-C). */
    public ServiceServer closeOnShutdown() {
        Runtime.getRuntime()
                .addShutdownHook(
                        Thread.ofPlatform().name(component + "-shutdown").unstarted(this::close));
        return this;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        if (server.isStopped()) {
            return;
        }
        try {
            server.stop();
            LOG.info("{} stopped", component);
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly: {}", component, e.toString());
        }
    }

    /** Describes a {@link ServiceServer}; {@link #start()} binds it. */
    public static final class Builder {
        private final String component;
        private int port = 8080;
        private InetAddress bindAddress;
        private BooleanSupplier readiness = () -> true;
        private PrometheusMeterRegistry meterRegistry;
        private Duration drainTimeout = Duration.ofSeconds(10);
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Duration headTimeout = Duration.ofSeconds(20);
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();

        private Builder(String component) {
            this.component = Objects.requireNonNull(component, "component");
        }

        /** Port to bind; 0 picks a free one. Default 8080. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The one address to listen on, such as {@code 127.0.0.1} or the pod IP ({@link #bindAddressFromEnv()}
         * reads {@code BIND_ADDRESS}); null, the default, listens on every interface.
         */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /** Mounts a servlet (async supported) at a servlet path spec such as {@code /mcp/*}. */
        public Builder servlet(String pathSpec, HttpServlet servlet) {
            if (servlets.putIfAbsent(pathSpec, servlet) != null) {
                throw new IllegalArgumentException("two servlets for " + pathSpec);
            }
            return this;
        }

        /** What {@code /readyz} reports: 200 while it answers true, 503 otherwise. Default always ready. */
        public Builder readiness(BooleanSupplier readiness) {
            this.readiness = Objects.requireNonNull(readiness, "readiness");
            return this;
        }

        /** Registry served at {@code /metrics}; one of {@link MeterRegistries#prometheus()} when none is given. */
        public Builder meterRegistry(PrometheusMeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /** How long {@link ServiceServer#close()} lets in-flight requests finish. Default 10 s. */
        public Builder drainTimeout(Duration drainTimeout) {
            this.drainTimeout = drainTimeout;
            return this;
        }

        /**
         * The largest request body any servlet of this server may read. Default
         * {@link #DEFAULT_MAX_REQUEST_BYTES}; servlets that need less check their own, smaller cap.
         */
        public Builder maxRequestBytes(long maxRequestBytes) {
            if (maxRequestBytes <= 0) {
                throw new IllegalArgumentException("maxRequestBytes must be positive, got " + maxRequestBytes);
            }
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /**
         * How long a request's head (request line and headers) may take to arrive from its first byte; the
         * connection is closed past it. Default 20 s, as the model proxy's {@code connectionLimits.headTimeout}.
         */
        public Builder headTimeout(Duration headTimeout) {
            this.headTimeout = positive(headTimeout, "headTimeout");
            return this;
        }

        /**
         * How long a request's body may take to arrive whole from its head, while a servlet waits for it; 408 and
         * the connection closed past it. Default 30 s, as the model proxy's {@code connectionLimits.bodyTimeout}.
         */
        public Builder bodyTimeout(Duration bodyTimeout) {
            this.bodyTimeout = positive(bodyTimeout, "bodyTimeout");
            return this;
        }

        private static Duration positive(Duration duration, String name) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + duration);
            }
            return duration;
        }

        public ServiceServer start() {
            PrometheusMeterRegistry registry = meterRegistry != null ? meterRegistry : MeterRegistries.prometheus();
            JvmMetrics.bindTo(registry);

            QueuedThreadPool threads = new QueuedThreadPool();
            threads.setName(component);
            threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
            Server server = new Server(threads);
            server.setStopTimeout(drainTimeout.toMillis());
            server.setStopAtShutdown(false);

            ServerConnector connector = new ServerConnector(server);
            connector.setPort(port);
            connector.setHost(bindAddress == null ? null : bindAddress.getHostAddress());
            // Jetty's default, set here because the slow-client bounds documented above count on it
            connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            connector.addBean(new HeadDeadline(connector, headTimeout));
            server.addConnector(connector);

            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            mount(context, ServiceWire.HEALTH_PATH, new HealthServlet(() -> true));
            mount(context, ServiceWire.READY_PATH, new HealthServlet(readiness));
            mount(context, ServiceWire.METRICS_PATH, new MetricsServlet(registry));
            servlets.forEach((path, servlet) -> mount(context, path, servlet));
            // no response limit (-1): answers stream (server-sent events) for as long as they last
            SizeLimitHandler bodyCap = new SizeLimitHandler(maxRequestBytes, -1);
            bodyCap.setHandler(new BodyDeadlineHandler(bodyTimeout, context));
            server.setHandler(new GracefulHandler(bodyCap));
            server.setErrorHandler(new JsonErrorHandler());

            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new IllegalStateException(
                        component + " could not listen on port " + port + where() + ": " + e.getMessage(), e);
            }
            ServiceServer started = new ServiceServer(component, server, registry, bindAddress);
            LOG.info("{} listening on port {}{}", component, started.port(), where());
            return started;
        }

        private String where() {
            return bindAddress == null ? " of every interface" : " of " + bindAddress.getHostAddress();
        }

        private static void mount(ServletContextHandler context, String path, HttpServlet servlet) {
            ServletHolder holder = new ServletHolder(servlet);
            holder.setAsyncSupported(true);
            context.addServlet(holder, path);
        }
    }
}
