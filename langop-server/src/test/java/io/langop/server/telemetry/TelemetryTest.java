package io.langop.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.trace.OtlpReceiver;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.trace.Traces;
import io.langop.wire.TelemetryEnv;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    @Test
    void exportsTheSpansOfTheProcessToTheEndpointItsEnvironmentNamesWhenClosed() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            try (Telemetry telemetry = Telemetry.start(
                    "langop-agent",
                    Map.of(
                            TelemetryEnv.OTLP_ENDPOINT,
                            collector.endpoint(),
                            TelemetryEnv.RESOURCE_ATTRIBUTES,
                            "k8s.namespace.name=reports"))) {
                assertThat(telemetry.exporting()).isTrue();
                assertThat(Traces.enabled()).isTrue();
                try (SpanScope run = SpanScope.start(Traces.span("run report", SpanKind.INTERNAL))) {
                    run.span().setAttribute(TraceAttributes.AGENT, "report");
                }
                assertThat(collector.spans()).as("batched until closed").isEmpty();
            }
            assertThat(Traces.enabled()).isFalse();
            assertThat(collector.spans()).singleElement().satisfies(span -> {
                assertThat(span.name()).isEqualTo("run report");
                assertThat(span.service()).as("the component's name by default").isEqualTo("langop-agent");
                assertThat(span.attribute("langop.agent")).isEqualTo("report");
                assertThat(span.isRoot()).isTrue();
            });
        }
    }

    @Test
    void theServiceNameOfTheEnvironmentWins() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            try (Telemetry ignored = Telemetry.start(
                    "langop-agent",
                    Map.of(TelemetryEnv.OTLP_ENDPOINT, collector.endpoint(), TelemetryEnv.SERVICE_NAME, "report"))) {
                try (SpanScope run = SpanScope.start(Traces.span("run", SpanKind.INTERNAL))) {
                    run.span().setAttribute(TraceAttributes.AGENT, "report");
                }
            }
            assertThat(collector.spans())
                    .singleElement()
                    .extracting(OtlpReceiver.ReceivedSpan::service)
                    .isEqualTo("report");
        }
    }

    @Test
    void startsNothingWithoutAnEndpointOrWhenSwitchedOff() {
        assertThat(Telemetry.start("langop-agent", Map.of()).exporting()).isFalse();
        assertThat(Telemetry.start(
                                "langop-agent",
                                Map.of(
                                        TelemetryEnv.OTLP_ENDPOINT, "http://127.0.0.1:4318",
                                        TelemetryEnv.SDK_DISABLED, "true"))
                        .exporting())
                .isFalse();
        assertThat(Telemetry.exportRequested(Map.of(
                        TelemetryEnv.OTLP_TRACES_ENDPOINT, "http://127.0.0.1:4318/v1/traces",
                        TelemetryEnv.TRACES_EXPORTER, "none")))
                .isFalse();
        assertThat(Traces.enabled()).isFalse();
    }
}
