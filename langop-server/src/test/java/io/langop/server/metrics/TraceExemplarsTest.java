package io.langop.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.server.ServiceServer;
import io.langop.server.telemetry.Telemetry;
import io.langop.trace.OtlpReceiver;
import io.langop.trace.SpanScope;
import io.langop.trace.Traces;
import io.langop.wire.Meters;
import io.langop.wire.TelemetryEnv;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Latency histograms on a real {@code /metrics}, their exemplars and the exposition formats a scraper asks for. */
class TraceExemplarsTest {

    private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0,text/plain;q=0.5";
    private static final Pattern EXEMPLAR =
            Pattern.compile("langop_tool_calls_seconds_bucket\\{outcome=\"success\",tool=\"echo\",le=\"0\\.1\"} 1 # "
                    + "\\{span_id=\"([0-9a-f]{16})\",trace_id=\"([0-9a-f]{32})\"} 0\\.0[0-9]+");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHistogramKeepsTheTraceOfItsObservationAsAnOpenMetricsExemplar() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver();
                Telemetry ignored =
                        Telemetry.start("exemplars", Map.of(TelemetryEnv.OTLP_ENDPOINT, collector.endpoint()));
                ServiceServer server =
                        ServiceServer.builder("exemplars").port(0).start()) {
            Timer calls = MeterBuilders.timer(Meters.TOOL_CALLS)
                    .tags("tool", "echo", "outcome", "success")
                    .register(server.meterRegistry());
            String traceId;
            String spanId;
            try (SpanScope span = SpanScope.start(Traces.span("tools/call echo", SpanKind.SERVER))) {
                traceId = span.span().getSpanContext().getTraceId();
                spanId = span.span().getSpanContext().getSpanId();
                calls.record(Duration.ofMillis(70));
            }

            HttpResponse<String> scraped = scrape(server, OPEN_METRICS);
            assertThat(scraped.headers().firstValue("content-type"))
                    .hasValue(MetricsExposition.OPEN_METRICS.contentType());
            Matcher exemplar = EXEMPLAR.matcher(scraped.body());
            assertThat(exemplar.find()).as(scraped.body()).isTrue();
            assertThat(exemplar.group(2)).isEqualTo(traceId);
            assertThat(exemplar.group(1)).isEqualTo(spanId);
            assertThat(scraped.body())
                    .as("the shared buckets")
                    .contains("le=\"0.005\"", "le=\"2.5\"", "le=\"300.0\"", "le=\"+Inf\"")
                    .endsWith("# EOF\n");

            HttpResponse<String> plain = scrape(server, null);
            assertThat(plain.headers().firstValue("content-type"))
                    .hasValue(MetricsExposition.PROMETHEUS_TEXT.contentType());
            assertThat(plain.body())
                    .as("Prometheus text has no exemplars")
                    .contains("langop_tool_calls_seconds_bucket{outcome=\"success\",tool=\"echo\",le=\"0.1\"} 1")
                    .doesNotContain(traceId);
        }
    }

    @Test
    void withTracingOffNoExemplarIsKept() throws Exception {
        try (ServiceServer server = ServiceServer.builder("untraced").port(0).start()) {
            Timer calls = MeterBuilders.timer(Meters.TOOL_CALLS)
                    .tags("tool", "echo", "outcome", "success")
                    .register(server.meterRegistry());
            try (SpanScope ignored = SpanScope.start(Traces.span("tools/call echo", SpanKind.SERVER))) {
                calls.record(Duration.ofMillis(70));
            }

            assertThat(scrape(server, OPEN_METRICS).body())
                    .contains("langop_tool_calls_seconds_bucket{outcome=\"success\",tool=\"echo\",le=\"0.1\"} 1\n")
                    .doesNotContain("trace_id");
        }
    }

    private HttpResponse<String> scrape(ServiceServer server, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + "/metrics"));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
