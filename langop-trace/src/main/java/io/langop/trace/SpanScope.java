package io.langop.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import org.slf4j.MDC;

/**
 * A started span that is the current one until {@link #close()}, which ends it. While it is current, log lines
 * carry its ids as the MDC keys {@value #TRACE_ID} and {@value #SPAN_ID}, so a line in a log leads to its trace.
 *
 * <pre>{@code
 * try (SpanScope step = SpanScope.start(Traces.span("step " + name, SpanKind.INTERNAL))) {
 *     ...
 * } catch (Exception e) {
 *     step.fail(e); // in the catch: the span is still open there
 *     throw e;
 * }
 * }</pre>
 *
 * With tracing off the span is OpenTelemetry's no-op and nothing is written to the MDC.
 */
public final class SpanScope implements AutoCloseable {

    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";

    private final Span span;
    private final Scope scope;
    private final boolean logged;
    private final String previousTraceId;
    private final String previousSpanId;

    // The scope is this object's to close: close() does, and callers hold a SpanScope in try-with-resources.
    @SuppressWarnings("MustBeClosedChecker")
    private SpanScope(Span span) {
        this.span = span;
        this.scope = span.makeCurrent();
        SpanContext context = span.getSpanContext();
        this.logged = context.isValid() && span.isRecording();
        if (logged) {
            previousTraceId = MDC.get(TRACE_ID);
            previousSpanId = MDC.get(SPAN_ID);
            MDC.put(TRACE_ID, context.getTraceId());
            MDC.put(SPAN_ID, context.getSpanId());
        } else {
            previousTraceId = null;
            previousSpanId = null;
        }
    }

    public static SpanScope start(SpanBuilder builder) {
        return new SpanScope(builder.startSpan());
    }

    public Span span() {
        return span;
    }

    /** Marks the span failed with {@code failure}'s class and message (never its stack: messages are redacted). */
    public void fail(Throwable failure) {
        String message = failure.getMessage();
        span.setStatus(StatusCode.ERROR, message == null ? failure.getClass().getSimpleName() : message);
        span.setAttribute(TraceAttributes.ERROR_TYPE, failure.getClass().getName());
    }

    /** Marks the span failed with {@code reason}, for outcomes that are no exception (an HTTP 502, a refused run). */
    public void fail(String errorType, String reason) {
        span.setStatus(StatusCode.ERROR, reason);
        span.setAttribute(TraceAttributes.ERROR_TYPE, errorType);
    }

    @Override
    public void close() {
        scope.close();
        if (logged) {
            restore(TRACE_ID, previousTraceId);
            restore(SPAN_ID, previousSpanId);
        }
        span.end();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
