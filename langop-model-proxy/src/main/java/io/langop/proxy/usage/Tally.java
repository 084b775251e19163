package io.langop.proxy.usage;

import io.langop.proxy.report.UsageReport;
import java.math.BigDecimal;

/**
 * The counts of one model or one client key. Costs are summed exactly (BigDecimal) so {@code /usage} adds up to the
 * cent. Thread-safe.
 */
final class Tally {

    private long requests;
    private long promptTokens;
    private long completionTokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private long cacheHits;
    private long cacheMisses;
    private long errors;
    private String currency = "USD";
    private final LatencyHistogram latency = new LatencyHistogram();

    synchronized void currency(String currency) {
        this.currency = currency;
    }

    synchronized void addCacheMiss() {
        cacheMisses++;
    }

    synchronized void addError() {
        errors++;
    }

    synchronized void add(TokenUsage usage, BigDecimal requestCost, boolean cached, long latencyNanos) {
        requests++;
        latency.record(latencyNanos);
        charge(usage, requestCost);
        if (cached) {
            cacheHits++;
        }
    }

    synchronized void addBroken(TokenUsage usage, BigDecimal requestCost) {
        errors++;
        charge(usage, requestCost);
    }

    private void charge(TokenUsage usage, BigDecimal requestCost) {
        promptTokens += usage.promptTokens();
        completionTokens += usage.completionTokens();
        cost = cost.add(requestCost);
    }

    /** Adds counts read back from where the replicas keep them together. */
    synchronized void add(Counts counts) {
        requests += counts.requests();
        promptTokens += counts.promptTokens();
        completionTokens += counts.completionTokens();
        cost = cost.add(counts.cost());
        cacheHits += counts.cacheHits();
        cacheMisses += counts.cacheMisses();
        errors += counts.errors();
        if (counts.currency() != null) {
            currency = counts.currency();
        }
        latency.add(counts.latencyBuckets(), counts.latencySumMillis());
    }

    synchronized Counts counts() {
        return new Counts(
                requests,
                promptTokens,
                completionTokens,
                cost,
                cacheHits,
                cacheMisses,
                errors,
                currency,
                latency.buckets(),
                latency.sumMillis());
    }

    synchronized UsageReport.Tally snapshot() {
        return new UsageReport.Tally(
                requests,
                promptTokens,
                completionTokens,
                promptTokens + completionTokens,
                cost.stripTrailingZeros(),
                currency,
                cacheHits,
                cacheMisses,
                errors,
                latency.averageMillis(),
                latency.percentileMillis(0.95),
                latency.percentileMillis(0.99));
    }

    /** A tally's counts at one moment, to move them elsewhere. */
    @SuppressWarnings("ArrayRecordComponent") // a copy the tally no longer touches; never compared
    record Counts(
            long requests,
            long promptTokens,
            long completionTokens,
            BigDecimal cost,
            long cacheHits,
            long cacheMisses,
            long errors,
            String currency,
            long[] latencyBuckets,
            long latencySumMillis) {}
}
