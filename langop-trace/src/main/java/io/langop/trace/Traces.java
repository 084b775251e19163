package io.langop.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.util.Objects;

/**
 * The one tracer of a langop process. Until a process installs an SDK ({@code io.langop.server.telemetry.Telemetry}
 * does when the environment names an OTLP endpoint) it is OpenTelemetry's no-op: spans cost an object each and
 * nothing is propagated, so code can trace unconditionally.
 *
 * <p>Held here rather than in {@code GlobalOpenTelemetry}, whose first read freezes it to the no-op for good: a
 * library touching it before the SDK starts would switch tracing off for the whole process.
 */
public final class Traces {

    /** The instrumentation scope of every langop span. */
    public static final String SCOPE = "io.langop";

    private static volatile OpenTelemetry openTelemetry = OpenTelemetry.noop();
    private static volatile Tracer tracer = openTelemetry.getTracer(SCOPE);
    private static volatile boolean enabled;

    private Traces() {}

    /** Makes {@code installed} the process's telemetry; {@link OpenTelemetry#noop()} switches it off again. */
    public static void install(OpenTelemetry installed) {
        openTelemetry = Objects.requireNonNull(installed, "installed");
        tracer = installed.getTracer(SCOPE);
        enabled = installed != OpenTelemetry.noop();
    }

    /** Whether spans are recorded and exported, i.e. an SDK is installed. */
    public static boolean enabled() {
        return enabled;
    }

    /** A span to start, as a child of the current context unless the builder is given another parent. */
    public static SpanBuilder span(String name, SpanKind kind) {
        return tracer.spanBuilder(name).setSpanKind(kind);
    }

    static ContextPropagators propagators() {
        return openTelemetry.getPropagators();
    }
}
