package io.langop.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.langop.proxy.api.ProxyApi;
import io.langop.proxy.api.ProxyHttpServer;
import io.langop.proxy.config.ConfigException;
import io.langop.proxy.config.Durations;
import io.langop.proxy.config.EndpointConfig;
import io.langop.proxy.config.ProxyConfig;
import io.langop.proxy.config.ProxyConfigFiles;
import io.langop.proxy.gateway.Gateway;
import io.langop.proxy.gateway.ModelCalls;
import io.langop.proxy.limits.RateLimiters;
import io.langop.proxy.limits.SharedBuckets;
import io.langop.proxy.openai.Json;
import io.langop.proxy.report.UsageReport;
import io.langop.proxy.shared.SharedRedis;
import io.langop.proxy.transport.EventLoops;
import io.langop.proxy.upstream.UpstreamClient;
import io.langop.proxy.usage.SharedUsage;
import io.langop.proxy.usage.UsageLedger;
import io.langop.server.logging.LogRedaction;
import io.langop.server.metrics.JvmMetrics;
import io.langop.server.metrics.MeterRegistries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running proxy: HTTP server, live configuration, limits and accounting.
 *
 * <p>{@link #close()} stops in steps: no new connections; requests in progress get the drain time to finish; what
 * still runs then is cut off (each stream ends with an OpenAI error event telling the client to retry, each
 * upstream request is aborted so the model stops working on it) and gets a moment to say so; then the connections
 * close, the usage counted last is sent to the shared Redis (when there is one) and this replica's usage is logged
 * once more.
 *
 * <p>With {@code sharedState} in the configuration the replicas keep rate limits, usage totals and (for models
 * caching in {@code redis}) the response cache together in Redis ({@link SharedRedis}); without it each replica
 * keeps its own.
 */
public final class ModelProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelProxy.class);
    /** How long {@link #close()} lets requests in progress finish. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /** How long requests cut off at the end of the drain time get to send their error event. */
    private static final Duration CUT_OFF_TIME = Duration.ofSeconds(2);

    private final ProxyHttpServer server;
    private final ConfigWatcher watcher;
    private final UpstreamClient http;
    private final EventLoops loops;
    private final UsageLedger ledger;
    /** Null without shared state. */
    private final SharedRedis redis;

    private final SharedUsage sharedUsage;
    private final Duration drain;
    /** Under which this proxy's keys are registered with {@link LogRedaction}. */
    private final Object keyHolder;

    private final AtomicBoolean closed = new AtomicBoolean();

    private ModelProxy(
            ProxyHttpServer server,
            ConfigWatcher watcher,
            UpstreamClient http,
            EventLoops loops,
            UsageLedger ledger,
            SharedRedis redis,
            SharedUsage sharedUsage,
            Duration drain,
            Object keyHolder) {
        this.server = server;
        this.watcher = watcher;
        this.http = http;
        this.loops = loops;
        this.ledger = ledger;
        this.redis = redis;
        this.sharedUsage = sharedUsage;
        this.drain = drain;
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
        SharedRedis redis = config.sharedState() == null ? null : SharedRedis.connect(config.sharedState());
        logSharedState(config, redis);
        RateLimiters limiters = new RateLimiters(System::nanoTime, redis == null ? null : new SharedBuckets(redis));
        limiters.replicas(replicas(config));
        AtomicReference<Gateway> gateway = new AtomicReference<>(Gateway.build(config, null, redis, System::nanoTime));
        // Whatever logs a key by mistake (an upstream's message, an exception), the log line shows it redacted.
        LogRedaction.protect(gateway, gateway.get().redactor());
        PrometheusMeterRegistry registry = MeterRegistries.prometheus();
        JvmMetrics.bindTo(registry);
        SharedUsage sharedUsage = redis == null ? null : new SharedUsage(redis);
        UsageLedger ledger = new UsageLedger(registry, sharedUsage);
        EventLoops loops = new EventLoops();
        UpstreamClient http = new UpstreamClient(loops, Duration.ofSeconds(10));
        ModelCalls calls = new ModelCalls(gateway::get, http, limiters, ledger);
        ConfigWatcher watcher = new ConfigWatcher(configFile, content, config, reloadInterval, next -> {
            if ((next.sharedState() == null) != (redis == null)) {
                throw new ConfigException("sharedState was " + (redis == null ? "added" : "removed")
                        + ", which takes effect when the proxy restarts");
            }
            if (redis != null) {
                redis.reconfigure(next.sharedState());
            }
            Gateway rebuilt = Gateway.build(next, gateway.get(), redis, System::nanoTime);
            LogRedaction.protect(gateway, rebuilt.redactor());
            gateway.set(rebuilt);
            limiters.retainOnly(rebuilt.scopeKeys());
            limiters.replicas(replicas(next));
            http.retainOnly(next.models().stream()
                    .flatMap(model -> model.endpoints().stream())
                    .map(EndpointConfig::url)
                    .toList());
        });
        try {
            ProxyHttpServer server =
                    ProxyHttpServer.start(listen, new ProxyApi(gateway::get, calls, ledger, registry), loops);
            return new ModelProxy(server, watcher, http, loops, ledger, redis, sharedUsage, drain, gateway);
        } catch (RuntimeException e) {
            LogRedaction.release(gateway);
            watcher.close();
            http.close();
            loops.close();
            if (sharedUsage != null) {
                sharedUsage.close();
            }
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
    }

    private static int replicas(ProxyConfig config) {
        return config.sharedState() == null ? 1 : config.sharedState().replicas();
    }

    private static void logSharedState(ProxyConfig config, SharedRedis redis) {
        if (redis == null) {
            LOG.info("no shared state: rate limits, usage and the response cache are this replica's own");
        } else {
            LOG.info(
                    "shared state in redis at {} (keys {}*): rate limits and usage are the {} replicas' together",
                    redis.address(),
                    config.sharedState().keyPrefix(),
                    config.sharedState().replicas());
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

    /** What {@code GET /usage} answers: the replicas' totals with shared state, this replica's counts without. */
    public UsageReport usage() {
        return ledger.snapshot();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        watcher.close();
        server.stopAccepting();
        if (!server.awaitIdle(drain)) {
            LOG.warn(
                    "{} requests still in progress after {}: cutting them off",
                    server.inProgress(),
                    Durations.format(drain));
            http.abortAll();
            if (!server.awaitIdle(CUT_OFF_TIME)) {
                LOG.warn("closing with {} requests still in progress", server.inProgress());
            }
        }
        server.close();
        if (sharedUsage != null) {
            sharedUsage.close();
        }
        try {
            LOG.info("usage of this replica at shutdown: {}", Json.MAPPER.writeValueAsString(ledger.localSnapshot()));
        } catch (JsonProcessingException cannotHappen) {
            LOG.warn("usage at shutdown could not be written: {}", cannotHappen.getMessage());
        }
        http.close();
        loops.close();
        if (redis != null) {
            redis.close();
        }
        LogRedaction.release(keyHolder);
    }
}
