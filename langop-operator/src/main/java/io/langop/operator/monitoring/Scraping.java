package io.langop.operator.monitoring;

import java.util.Map;
import java.util.Objects;

/**
 * How Prometheus scrapes what the operator runs (the chart's {@code metrics.serviceMonitor} and {@code
 * metrics.scraper}).
 *
 * @param proxyMonitors    make a ServiceMonitor for each LanguageModel's proxy, with the model's key as bearer token
 *                         (its {@code /metrics} answers no other), where the Prometheus Operator is installed
 * @param monitorLabels    labels of those monitors: the ones a Prometheus selects its monitors by
 * @param scraperNamespace labels of the namespace Prometheus runs in; an isolated LanguageCluster lets its pods in to
 *                         the metrics ports. Empty: no such rule
 * @param scraperPods      labels of Prometheus's pods in that namespace; empty: every pod of it
 */
public record Scraping(
        boolean proxyMonitors,
        Map<String, String> monitorLabels,
        Map<String, String> scraperNamespace,
        Map<String, String> scraperPods) {

    public Scraping {
        monitorLabels = Map.copyOf(Objects.requireNonNull(monitorLabels, "monitorLabels"));
        scraperNamespace = Map.copyOf(Objects.requireNonNull(scraperNamespace, "scraperNamespace"));
        scraperPods = Map.copyOf(Objects.requireNonNull(scraperPods, "scraperPods"));
    }

    /** Nothing made for Prometheus, and isolated clusters let no one else in. */
    public static Scraping none() {
        return new Scraping(false, Map.of(), Map.of(), Map.of());
    }

    /** Whether isolated clusters let a Prometheus in (one whose namespace is named). */
    public boolean admitsScraper() {
        return !scraperNamespace.isEmpty();
    }
}
