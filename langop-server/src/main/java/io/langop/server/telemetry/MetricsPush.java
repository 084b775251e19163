package io.langop.server.telemetry;

import io.langop.wire.TelemetryEnv;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OTLP/HTTP push of a process's meters when it ends, for a process that ends before Prometheus would scrape it
 * (a scheduled agent's Job). On when the environment names {@code OTEL_EXPORTER_OTLP_METRICS_ENDPOINT} (the full
 * {@code .../v1/metrics} URL; the operator sets it for scheduled agents whose {@code spec.observability} has an
 * {@code otlpEndpoint}) and does not say {@code OTEL_METRICS_EXPORTER=none}; off, nothing of it is loaded.
 *
 * <p>Meters are cumulative since the process started, durations in seconds (so that a collector's Prometheus
 * exporter names them as {@code /metrics} does), and carry the resource of {@code OTEL_SERVICE_NAME} and
 * {@code OTEL_RESOURCE_ATTRIBUTES}; {@code OTEL_EXPORTER_OTLP_HEADERS} go with the request. Nothing is sent
 * before {@link #close()}, which sends once and waits at most a few seconds for the collector.
 */
public final class MetricsPush implements AutoCloseable {

    public static final MetricsPush OFF = new MetricsPush(null);

    private static final Logger LOG = LoggerFactory.getLogger(MetricsPush.class);
    /** Longer than any process lives: nothing is pushed on a schedule, only on close. */
    private static final Duration NO_SCHEDULE = Duration.ofDays(365);

    private final OtlpMeterRegistry registry;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MetricsPush(OtlpMeterRegistry registry) {
        this.registry = registry;
    }

    /** A push as {@code env} says, the resource's service named {@code component} unless {@code env} names it. */
    public static MetricsPush start(String component, Map<String, String> env) {
        String url = env.getOrDefault(TelemetryEnv.OTLP_METRICS_ENDPOINT, "").strip();
        if (url.isEmpty()
                || "none"
                        .equals(env.getOrDefault(TelemetryEnv.METRICS_EXPORTER, "")
                                .strip()
                                .toLowerCase(Locale.ROOT))) {
            return OFF;
        }
        Map<String, String> resource =
                new LinkedHashMap<>(pairs(env.getOrDefault(TelemetryEnv.RESOURCE_ATTRIBUTES, "")));
        resource.put("service.name", env.getOrDefault(TelemetryEnv.SERVICE_NAME, component));
        Map<String, String> headers = pairs(env.getOrDefault(TelemetryEnv.OTLP_HEADERS, ""));
        OtlpConfig config = new OtlpConfig() {
            @Override
            public String get(String key) {
                return null; // every setting below; none read from system properties or the process environment
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public Duration step() {
                return NO_SCHEDULE;
            }

            @Override
            public Map<String, String> resourceAttributes() {
                return resource;
            }

            @Override
            public Map<String, String> headers() {
                return headers;
            }

            /** Seconds, as OpenTelemetry's conventions and the scraped histograms have them (Micrometer: ms). */
            @Override
            public TimeUnit baseTimeUnit() {
                return TimeUnit.SECONDS;
            }
        };
        LOG.info("Pushing metrics to {} when the process ends", url);
        return new MetricsPush(new OtlpMeterRegistry(config, Clock.SYSTEM));
    }

    /** Whether this process pushes its meters. */
    public boolean pushing() {
        return registry != null;
    }

    /** Makes the meters of {@code meters} (those already there and those to come) part of the push. */
    public void attachTo(CompositeMeterRegistry meters) {
        if (registry != null) {
            meters.add(registry);
        }
    }

    /** Pushes the meters once. */
    @Override
    public void close() {
        if (registry == null || !closed.compareAndSet(false, true)) {
            return;
        }
        registry.close(); // publishes what the meters hold, then stops
    }

    /** {@code a=1,b=2} as OpenTelemetry's variables write maps; entries without {@code =} are skipped. */
    private static Map<String, String> pairs(String list) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String entry : list.split(",", -1)) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                pairs.put(
                        entry.substring(0, equals).strip(),
                        entry.substring(equals + 1).strip());
            }
        }
        return pairs;
    }
}
