package io.langop.operator;

import io.langop.operator.monitoring.Scraping;
import io.langop.operator.synthesis.SynthesisSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an operator instance is told at start: which namespaces it watches, how often egress DNS
 * names are resolved again, which image runs model proxies, how many reconciles run at once and whether clusters
 * run their dashboard unless they say otherwise.
 *
 * @param namespaces       namespaces to watch; empty means every namespace
 * @param dnsRefresh       interval after which DNS names in egress rules are resolved again
 * @param modelProxyImage  image of the langop model proxy that serves each LanguageModel
 * @param reconcileThreads reconciles that may run at the same time across all controllers
 * @param synthesis        how agents are written from their instructions (off by default)
 * @param usageInterval    how often every model proxy's usage is read: at most one status write per agent, model
 *                         and cluster per interval, none when nothing changed
 * @param dashboardByDefault whether a LanguageCluster whose {@code spec.dashboard.enabled} is unset runs its
 *                         dashboard (the chart's {@code dashboard.enabledByDefault})
 * @param scraping         what is made for Prometheus to scrape the model proxies, and where it runs
 */
public record OperatorSettings(
        Set<String> namespaces,
        Duration dnsRefresh,
        String modelProxyImage,
        int reconcileThreads,
        SynthesisSettings synthesis,
        Duration usageInterval,
        boolean dashboardByDefault,
        Scraping scraping) {

    public static final Duration DEFAULT_DNS_REFRESH = Duration.ofMinutes(5);
    public static final String DEFAULT_MODEL_PROXY_IMAGE = "ghcr.io/langop/langop-model-proxy:latest";
    /** The console: a LanguageClient's chat when it names no image, a LanguageCluster's dashboard. */
    public static final String CONSOLE_IMAGE = "ghcr.io/langop/langop-console:latest";

    public static final int DEFAULT_RECONCILE_THREADS = 10;
    /** Issue 17: a status write per agent at most once a minute. */
    public static final Duration DEFAULT_USAGE_INTERVAL = Duration.ofMinutes(1);

    public OperatorSettings {
        namespaces = Set.copyOf(Objects.requireNonNull(namespaces, "namespaces"));
        Objects.requireNonNull(dnsRefresh, "dnsRefresh");
        if (dnsRefresh.isNegative() || dnsRefresh.isZero()) {
            throw new IllegalArgumentException("the DNS refresh interval must be positive, got " + dnsRefresh);
        }
        if (modelProxyImage == null || modelProxyImage.isBlank()) {
            throw new IllegalArgumentException("the model proxy image must not be empty");
        }
        if (reconcileThreads < 1) {
            throw new IllegalArgumentException("at least one reconcile thread is needed, got " + reconcileThreads);
        }
        Objects.requireNonNull(synthesis, "synthesis");
        Objects.requireNonNull(usageInterval, "usageInterval");
        if (usageInterval.isNegative() || usageInterval.isZero()) {
            throw new IllegalArgumentException("the usage interval must be positive, got " + usageInterval);
        }
        Objects.requireNonNull(scraping, "scraping");
    }

    /** Usage read every minute. */
    public OperatorSettings(
            Set<String> namespaces,
            Duration dnsRefresh,
            String modelProxyImage,
            int reconcileThreads,
            SynthesisSettings synthesis) {
        this(
                namespaces,
                dnsRefresh,
                modelProxyImage,
                reconcileThreads,
                synthesis,
                DEFAULT_USAGE_INTERVAL,
                false,
                Scraping.none());
    }

    /** Without synthesis. */
    public OperatorSettings(Set<String> namespaces, Duration dnsRefresh, String modelProxyImage, int reconcileThreads) {
        this(namespaces, dnsRefresh, modelProxyImage, reconcileThreads, SynthesisSettings.disabled());
    }

    /** Watches every namespace with the defaults. */
    public static OperatorSettings defaults() {
        return new OperatorSettings(
                Set.of(), DEFAULT_DNS_REFRESH, DEFAULT_MODEL_PROXY_IMAGE, DEFAULT_RECONCILE_THREADS);
    }

    public OperatorSettings withNamespaces(Set<String> watched) {
        return new OperatorSettings(
                watched,
                dnsRefresh,
                modelProxyImage,
                reconcileThreads,
                synthesis,
                usageInterval,
                dashboardByDefault,
                scraping);
    }

    public OperatorSettings withSynthesis(SynthesisSettings settings) {
        return new OperatorSettings(
                namespaces,
                dnsRefresh,
                modelProxyImage,
                reconcileThreads,
                settings,
                usageInterval,
                dashboardByDefault,
                scraping);
    }

    /** Tests and benchmarks read usage more often than a cluster should. */
    public OperatorSettings withUsageInterval(Duration interval) {
        return new OperatorSettings(
                namespaces,
                dnsRefresh,
                modelProxyImage,
                reconcileThreads,
                synthesis,
                interval,
                dashboardByDefault,
                scraping);
    }

    /** Every cluster that does not say otherwise runs its dashboard (or none does). */
    public OperatorSettings withDashboardByDefault(boolean enabled) {
        return new OperatorSettings(
                namespaces, dnsRefresh, modelProxyImage, reconcileThreads, synthesis, usageInterval, enabled, scraping);
    }

    /** Model proxies get ServiceMonitors, isolated clusters let Prometheus in, as {@code scraping} says. */
    public OperatorSettings withScraping(Scraping scraping) {
        return new OperatorSettings(
                namespaces,
                dnsRefresh,
                modelProxyImage,
                reconcileThreads,
                synthesis,
                usageInterval,
                dashboardByDefault,
                scraping);
    }
}
