package io.langop.operator;

import io.langop.operator.synthesis.SynthesisSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an operator instance is told at start: which namespaces it watches, how often egress DNS
 * names are resolved again, which image runs model proxies and how many reconciles run at once.
 *
 * @param namespaces       namespaces to watch; empty means every namespace
 * @param dnsRefresh       interval after which DNS names in egress rules are resolved again
 * @param modelProxyImage  image of the langop model proxy that serves each LanguageModel
 * @param reconcileThreads reconciles that may run at the same time across all controllers
 * @param synthesis        how agents are written from their instructions (off by default)
 */
public record OperatorSettings(
        Set<String> namespaces,
        Duration dnsRefresh,
        String modelProxyImage,
        int reconcileThreads,
        SynthesisSettings synthesis) {

    public static final Duration DEFAULT_DNS_REFRESH = Duration.ofMinutes(5);
    public static final String DEFAULT_MODEL_PROXY_IMAGE = "ghcr.io/langop/langop-model-proxy:latest";
    public static final int DEFAULT_RECONCILE_THREADS = 10;

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
        return new OperatorSettings(watched, dnsRefresh, modelProxyImage, reconcileThreads, synthesis);
    }

    public OperatorSettings withSynthesis(SynthesisSettings settings) {
        return new OperatorSettings(namespaces, dnsRefresh, modelProxyImage, reconcileThreads, settings);
    }
}
