package io.langop.server.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;

/**
 * The text format a {@code /metrics} request gets: OpenMetrics when the scraper accepts it (Prometheus does, and
 * it is the only format that carries exemplars), else Prometheus text 0.0.4 (curl, older scrapers).
 *
 * @param contentType the {@code Content-Type} of the answer
 */
public record MetricsExposition(String contentType) {

    public static final MetricsExposition OPEN_METRICS =
            new MetricsExposition("application/openmetrics-text; version=1.0.0; charset=utf-8");
    public static final MetricsExposition PROMETHEUS_TEXT =
            new MetricsExposition("text/plain; version=0.0.4; charset=utf-8");

    /** The format for a request's {@code Accept} header (null when it sent none). */
    public static MetricsExposition forAccept(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")
                ? OPEN_METRICS
                : PROMETHEUS_TEXT;
    }

    /** {@code registry}'s meters in this format. */
    public String scrape(PrometheusMeterRegistry registry) {
        return registry.scrape(contentType);
    }
}
