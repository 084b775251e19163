package io.langop.server.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The one way a langop process makes the registry its {@code /metrics} serves. */
public final class MeterRegistries {

    private MeterRegistries() {}

    /**
     * A Prometheus registry whose histograms and counters keep exemplars of the current span (trace and span id),
     * shown in the OpenMetrics exposition ({@link MetricsExposition}); without a span they keep none.
     */
    public static PrometheusMeterRegistry prometheus() {
        return new PrometheusMeterRegistry(
                PrometheusConfig.DEFAULT, new PrometheusRegistry(), Clock.SYSTEM, new TraceExemplars());
    }
}
