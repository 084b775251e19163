package io.langop.proxy;

import io.langop.proxy.api.ProxyApi;
import io.langop.proxy.api.ProxyHttpServer;
import io.langop.proxy.config.EndpointConfig;
import io.langop.proxy.config.ProxyConfig;
import io.langop.proxy.config.ProxyConfigFiles;
import io.langop.proxy.gateway.Gateway;
import io.langop.proxy.gateway.ModelCalls;
import io.langop.proxy.limits.RateLimiters;
import io.langop.proxy.transport.EventLoops;
import io.langop.proxy.upstream.UpstreamClient;
import io.langop.proxy.usage.UsageLedger;
import io.langop.server.JvmMetrics;
import io.langop.server.logging.LogRedaction;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The running proxy: HTTP server, live configuration, limits and accounting. */
public final class ModelProxy implements AutoCloseable {

    /** How long {@link #close()} lets requests in progress finish. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final ProxyHttpServer server;
    private final ConfigWatcher watcher;
    private final UpstreamClient http;
    private final EventLoops loops;
    /** Under which this proxy's keys are registered with {@link LogRedaction}. */
    private final Object keyHolder;

    private ModelProxy(
            ProxyHttpServer server, ConfigWatcher watcher, UpstreamClient http, EventLoops loops, Object keyHolder) {
        this.server = server;
        this.watcher = watcher;
        this.http = http;
        this.loops = loops;
        this.keyHolder = keyHolder;
    }

    /**
     * Loads the configuration file (refusing to start on an invalid one), serves it on {@code listen} (a wildcard
     * address listens on every interface, port 0 takes any free port) and re-reads the file every
     * {@code reloadInterval}.
     */
    public static ModelProxy start(Path configFile, InetSocketAddress listen, Duration reloadInterval) {
        return start(configFile, listen, reloadInterval, DRAIN_TIMEOUT);
    }

    /** As {@link #start(Path, InetSocketAddress, Duration)}, letting requests in progress finish for {@code drain}. */
    static ModelProxy start(Path configFile, InetSocketAddress listen, Duration reloadInterval, Duration drain) {
        byte[] content;
        try {
            content = Files.readAllBytes(configFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read proxy configuration " + configFile, e);
        }
        ProxyConfig config = ProxyConfigFiles.parse(new String(content, StandardCharsets.UTF_8));
        RateLimiters limiters = new RateLimiters();
        AtomicReference<Gateway> gateway = new AtomicReference<>(Gateway.build(config, null, System::nanoTime));
        // Whatever logs a key by mistake (an upstream's message, an exception), the log line shows it redacted.
        LogRedaction.protect(gateway, gateway.get().redactor());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmMetrics.bindTo(registry);
        UsageLedger ledger = new UsageLedger(registry);
        EventLoops loops = new EventLoops();
        UpstreamClient http = new UpstreamClient(loops, Duration.ofSeconds(10));
        ModelCalls calls = new ModelCalls(gateway::get, http, limiters, ledger);
        ConfigWatcher watcher = new ConfigWatcher(configFile, content, config, reloadInterval, next -> {
            Gateway rebuilt = Gateway.build(next, gateway.get(), System::nanoTime);
            LogRedaction.protect(gateway, rebuilt.redactor());
            gateway.set(rebuilt);
            limiters.retainOnly(rebuilt.scopeKeys());
            http.retainOnly(next.models().stream()
                    .flatMap(model -> model.endpoints().stream())
                    .map(EndpointConfig::url)
                    .toList());
        });
        try {
            ProxyHttpServer server =
                    ProxyHttpServer.start(listen, new ProxyApi(gateway::get, calls, ledger, registry), loops, drain);
            return new ModelProxy(server, watcher, http, loops, gateway);
        } catch (RuntimeException e) {
            LogRedaction.release(gateway);
            watcher.close();
            http.close();
            loops.close();
            throw e;
        }
    }

    public URI uri() {
        return server.uri();
    }

    /** The address and port listened on. */
    public InetSocketAddress address() {
        return server.address();
    }

    public int port() {
        return server.port();
    }

    public ModelProxy closeOnShutdown() {
        server.closeOnShutdown();
        return this;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        watcher.close();
        server.close();
        http.close();
        loops.close();
        LogRedaction.release(keyHolder);
    }
}
