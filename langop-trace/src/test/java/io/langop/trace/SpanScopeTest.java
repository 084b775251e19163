package io.langop.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class SpanScopeTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();

    @AfterEach
    void switchTracingOff() {
        Traces.install(OpenTelemetry.noop());
        MDC.clear();
    }

    private void installSdk() {
        Traces.install(OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(exported))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build());
    }

    @Test
    void logLinesCarryTheIdsOfTheCurrentSpanAndTheOuterOnesAgainAfterIt() {
        installSdk();
        MDC.put("run", "r1");
        try (SpanScope run = SpanScope.start(Traces.span("run", SpanKind.INTERNAL))) {
            String runSpan = run.span().getSpanContext().getSpanId();
            assertThat(MDC.get(SpanScope.SPAN_ID)).isEqualTo(runSpan);
            try (SpanScope step = SpanScope.start(Traces.span("step", SpanKind.INTERNAL))) {
                assertThat(MDC.get(SpanScope.SPAN_ID))
                        .isEqualTo(step.span().getSpanContext().getSpanId());
                assertThat(MDC.get(SpanScope.TRACE_ID))
                        .isEqualTo(run.span().getSpanContext().getTraceId());
            }
            assertThat(MDC.get(SpanScope.SPAN_ID)).isEqualTo(runSpan);
        }
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("run", "r1"));
        assertThat(exported.getFinishedSpanItems())
                .extracting(span -> span.getName())
                .containsExactly("step", "run");
        var step = exported.getFinishedSpanItems().get(0);
        var run = exported.getFinishedSpanItems().get(1);
        assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId());
    }

    @Test
    void aFailureMarksTheSpanWithItsTypeAndMessage() {
        installSdk();
        try (SpanScope call = SpanScope.start(Traces.span("call", SpanKind.CLIENT))) {
            call.fail(new IllegalStateException("the tool is gone"));
        }
        var span = exported.getFinishedSpanItems().getFirst();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEqualTo("the tool is gone");
        assertThat(span.getAttributes().get(TraceAttributes.ERROR_TYPE))
                .isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void theHeadersOfASpanAreContinuedOnTheOtherSideAsItsChild() {
        installSdk();
        Map<String, String> sent;
        String parent;
        try (SpanScope client = SpanScope.start(Traces.span("client", SpanKind.CLIENT))) {
            sent = TraceHeaders.current();
            parent = client.span().getSpanContext().getSpanId();
        }
        assertThat(sent).containsKey(TraceHeaders.TRACEPARENT);

        try (SpanScope server =
                SpanScope.start(Traces.span("server", SpanKind.SERVER).setParent(TraceHeaders.extract(sent)))) {
            assertThat(server.span().getSpanContext().getTraceId())
                    .isEqualTo(sent.get(TraceHeaders.TRACEPARENT).substring(3, 35));
        }
        assertThat(exported.getFinishedSpanItems().get(1).getParentSpanId()).isEqualTo(parent);
    }

    @Test
    void withTracingOffNothingIsPropagatedOrLogged() {
        String incoming = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var parent = TraceHeaders.extract(Map.of(TraceHeaders.TRACEPARENT, incoming));
        assertThat(Span.fromContext(parent).getSpanContext().isValid()).isFalse();
        try (SpanScope ignored =
                SpanScope.start(Traces.span("run", SpanKind.INTERNAL).setParent(parent))) {
            assertThat(TraceHeaders.current()).isEmpty();
            assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
        }
        assertThat(Traces.enabled()).isFalse();
    }
}
