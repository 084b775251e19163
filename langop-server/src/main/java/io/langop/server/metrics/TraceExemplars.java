package io.langop.server.metrics;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The Prometheus client's view of the current span, from which each histogram bucket and counter keeps an
 * exemplar: the trace id and span id of one observation, so that a slow bucket on a dashboard leads to a trace
 * of it. With tracing off there is no valid span, and no exemplar is kept.
 */
final class TraceExemplars implements io.prometheus.metrics.tracer.common.SpanContext {

    @Override
    public String getCurrentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    @Override
    public String getCurrentSpanId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getSpanId() : null;
    }

    /** Only a sampled span is exported: an exemplar of any other would lead to a trace nobody can find. */
    @Override
    public boolean isCurrentSpanSampled() {
        return Span.current().getSpanContext().isSampled();
    }

    /** Marks the span (as the Prometheus client's own OpenTelemetry bridge does) so a tail sampler may keep it. */
    @Override
    public void markCurrentSpanAsExemplar() {
        Span span = Span.current();
        if (span.isRecording()) {
            span.setAttribute(EXEMPLAR_ATTRIBUTE_NAME, EXEMPLAR_ATTRIBUTE_VALUE);
        }
    }
}
