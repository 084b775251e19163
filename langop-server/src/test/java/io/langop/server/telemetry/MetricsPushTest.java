package io.langop.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.server.metrics.MeterBuilders;
import io.langop.trace.OtlpReceiver;
import io.langop.wire.Meters;
import io.langop.wire.TelemetryEnv;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricsPushTest {

    @Test
    void pushesTheMetersOnceWhenClosedToTheEndpointOfTheEnvironment() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver()) {
            CompositeMeterRegistry meters = new CompositeMeterRegistry();
            try (MetricsPush push = MetricsPush.start(
                    "langop-agent",
                    Map.of(
                            TelemetryEnv.OTLP_METRICS_ENDPOINT,
                            collector.endpoint() + TelemetryEnv.OTLP_METRICS_PATH,
                            TelemetryEnv.SERVICE_NAME,
                            "digest",
                            TelemetryEnv.RESOURCE_ATTRIBUTES,
                            "k8s.namespace.name=reports,langop.agent=digest"))) {
                assertThat(push.pushing()).isTrue();
                push.attachTo(meters);
                MeterBuilders.counter(Meters.AGENT_RUNS)
                        .tag("outcome", "succeeded")
                        .register(meters)
                        .increment();
                MeterBuilders.timer(Meters.AGENT_RUN_DURATION)
                        .tag("outcome", "succeeded")
                        .register(meters)
                        .record(Duration.ofMillis(1_200));
                assertThat(collector.metrics())
                        .as("nothing before the process ends")
                        .isEmpty();
            }

            assertThat(collector.metrics()).hasSize(1);
            ExportMetricsServiceRequest pushed = collector.metrics().getFirst();
            assertThat(attributes(pushed.getResourceMetrics(0).getResource().getAttributesList()))
                    .containsEntry("service.name", "digest")
                    .containsEntry("k8s.namespace.name", "reports")
                    .containsEntry("langop.agent", "digest");
            Map<String, Metric> metrics = pushed.getResourceMetricsList().stream()
                    .flatMap(resource -> resource.getScopeMetricsList().stream())
                    .flatMap(scope -> scope.getMetricsList().stream())
                    .collect(Collectors.toMap(Metric::getName, metric -> metric));
            assertThat(metrics.get(Meters.AGENT_RUNS.name())
                            .getSum()
                            .getDataPoints(0)
                            .getAsDouble())
                    .isEqualTo(1.0);
            var histogram =
                    metrics.get(Meters.AGENT_RUN_DURATION.name()).getHistogram().getDataPoints(0);
            assertThat(histogram.getCount()).isEqualTo(1);
            assertThat(histogram.getSum()).as("seconds").isEqualTo(1.2);
            assertThat(metrics.get(Meters.AGENT_RUN_DURATION.name()).getUnit()).isEqualTo("seconds");
            assertThat(attributes(histogram.getAttributesList())).containsEntry("outcome", "succeeded");
        }
    }

    @Test
    void pushesNothingWithoutAMetricsEndpointOrWhenSwitchedOff() {
        assertThat(MetricsPush.start("langop-agent", Map.of()).pushing()).isFalse();
        assertThat(MetricsPush.start("langop-agent", Map.of(TelemetryEnv.OTLP_ENDPOINT, "http://127.0.0.1:4318"))
                        .pushing())
                .as("the traces' endpoint alone: serving processes are scraped")
                .isFalse();
        assertThat(MetricsPush.start(
                                "langop-agent",
                                Map.of(
                                        TelemetryEnv.OTLP_METRICS_ENDPOINT,
                                        "http://127.0.0.1:4318/v1/metrics",
                                        TelemetryEnv.METRICS_EXPORTER,
                                        "none"))
                        .pushing())
                .isFalse();
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream()
                .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
    }
}
