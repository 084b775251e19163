package io.langop.server.telemetry;

import io.langop.trace.Traces;
import io.langop.wire.TelemetryEnv;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts trace export for a process when, and only when, its environment names an OTLP endpoint
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) and does not switch the SDK
 * off ({@code OTEL_SDK_DISABLED=true}, {@code OTEL_TRACES_EXPORTER=none}). Otherwise no SDK class is loaded and
 * {@link Traces} stays the no-op.
 *
 * <p>The SDK reads every other standard {@code OTEL_*} variable itself (sampler, resource attributes, headers,
 * batch sizes). Defaults that differ from OpenTelemetry's: the service name is the component's, the protocol is
 * {@code http/protobuf} (the JDK's HTTP client sends it; no gRPC stack is shipped), and the SDK exports no metrics
 * or logs of its own: metrics are Micrometer's ({@code /metrics}), logs go to stdout.
 *
 * <p>{@link #close()} exports what is buffered and stops. Each component calls it last, after its own graceful stop
 * (a scheduled agent before it exits, a server after its requests in flight have ended), so that the spans of the
 * work that ended last are exported too: the SDK's own shutdown hook is off, since it would race the component's.
 */
public final class Telemetry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);
    private static final Telemetry OFF = new Telemetry(null);
    /** The longest {@link #close()} waits for the exporter: an unreachable collector must not hold a pod's exit. */
    private static final long FLUSH_SECONDS = 5;

    private final OpenTelemetrySdk sdk;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Telemetry(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    /** Starts export as the process environment says, under {@code component} unless it names a service. */
    public static Telemetry start(String component) {
        return start(component, System.getenv());
    }

    /** Starts export as {@code env} says (tests pass their own). */
    public static Telemetry start(String component, Map<String, String> env) {
        if (!exportRequested(env)) {
            return OFF;
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name",
                        component,
                        "otel.exporter.otlp.protocol",
                        TelemetryEnv.HTTP_PROTOBUF,
                        "otel.metrics.exporter",
                        "none",
                        "otel.logs.exporter",
                        "none"))
                // the environment of a test is a map, not the process's: read the OTEL_* variables from it
                .addPropertiesCustomizer(config -> fromEnvironment(env))
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        Telemetry telemetry = new Telemetry(sdk);
        Traces.install(sdk);
        LOG.info(
                "Exporting traces to {} as {}",
                env.getOrDefault(TelemetryEnv.OTLP_TRACES_ENDPOINT, env.getOrDefault(TelemetryEnv.OTLP_ENDPOINT, "")),
                env.getOrDefault(TelemetryEnv.SERVICE_NAME, component));
        return telemetry;
    }

    /** Whether {@code env} names somewhere to send traces and does not switch them off. */
    public static boolean exportRequested(Map<String, String> env) {
        boolean endpoint = !env.getOrDefault(TelemetryEnv.OTLP_ENDPOINT, "").isBlank()
                || !env.getOrDefault(TelemetryEnv.OTLP_TRACES_ENDPOINT, "").isBlank();
        boolean disabled = "true"
                        .equals(env.getOrDefault(TelemetryEnv.SDK_DISABLED, "")
                                .strip()
                                .toLowerCase(Locale.ROOT))
                || "none"
                        .equals(env.getOrDefault(TelemetryEnv.TRACES_EXPORTER, "")
                                .strip()
                                .toLowerCase(Locale.ROOT));
        return endpoint && !disabled;
    }

    /**
     * The {@code OTEL_*} variables of {@code env} as the SDK's properties ({@code OTEL_SERVICE_NAME} →
     * {@code otel.service.name}), which take precedence over the defaults above, as the variables themselves do.
     */
    private static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> properties = new java.util.HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("OTEL_")) {
                properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return properties;
    }

    /** Whether this process exports traces. */
    public boolean exporting() {
        return sdk != null;
    }

    /** The SDK, for a component that wires more of OpenTelemetry; the no-op when nothing is exported. */
    public OpenTelemetry openTelemetry() {
        return sdk != null ? sdk : OpenTelemetry.noop();
    }

    /** Exports what is buffered (waiting at most a few seconds) and stops exporting. */
    @Override
    public void close() {
        if (sdk == null || !closed.compareAndSet(false, true)) {
            return;
        }
        Traces.install(OpenTelemetry.noop());
        CompletableResultCode shutdown = sdk.shutdown().join(FLUSH_SECONDS, TimeUnit.SECONDS);
        if (!shutdown.isSuccess()) {
            LOG.warn("Could not export every span within {} s (is the OTLP endpoint reachable?)", FLUSH_SECONDS);
        }
    }
}
