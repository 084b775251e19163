package io.langop.proxy.usage;

import io.langop.proxy.config.Pricing;
import io.langop.proxy.report.UsageReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests, tokens, cost, latency, cache hits and errors per model and per client key, and the runs each
 * client reports, for {@code /usage} and as Prometheus counters. Costs are summed exactly (BigDecimal) so
 * {@code /usage} adds up to the cent. Counters live in memory: they start again with the process, and
 * {@code since} says when.
 */
public final class UsageLedger {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final Map<String, Tally> byModel = new ConcurrentHashMap<>();
    private final Map<String, Tally> byClient = new ConcurrentHashMap<>();
    private final Map<String, RunTally> runsByClient = new ConcurrentHashMap<>();
    /** Looked up once per model, client and currency: a registry lookup builds and sorts tags each time. */
    private final Map<MeterKey, AnswerMeters> answerMeters = new ConcurrentHashMap<>();

    private final MeterRegistry registry;
    private final Instant since = Instant.now();

    public UsageLedger(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Cost of {@code usage} at {@code pricing} (prices are per 1,000 tokens). */
    public static BigDecimal cost(TokenUsage usage, Pricing pricing) {
        return BigDecimal.valueOf(usage.promptTokens())
                .multiply(BigDecimal.valueOf(pricing.inputPer1kTokens()))
                .add(BigDecimal.valueOf(usage.completionTokens())
                        .multiply(BigDecimal.valueOf(pricing.outputPer1kTokens())))
                .divide(THOUSAND, MathContext.DECIMAL64);
    }

    /**
     * A request the named model answered (upstream or from the cache).
     *
     * @param latencyNanos from the request's admission to the end of its answer
     */
    public void recordAnswer(
            String model, String client, TokenUsage usage, Pricing pricing, boolean cached, long latencyNanos) {
        BigDecimal cost = cached ? BigDecimal.ZERO : cost(usage, pricing);
        TokenUsage billed = cached ? TokenUsage.NONE : usage;
        tally(byModel, model, pricing.currency()).add(billed, cost, cached, latencyNanos);
        tally(byClient, client, pricing.currency()).add(billed, cost, cached, latencyNanos);
        AnswerMeters meters =
                answerMeters.computeIfAbsent(new MeterKey(model, client, pricing.currency()), this::answerMeters);
        if (cached) {
            meters.cacheHits().increment();
        } else {
            meters.answered().increment();
            meters.charge(usage, cost);
        }
    }

    /**
     * An answer the named model began and did not finish (its stream broke off or fell silent): an error, yet the
     * tokens it used are charged, since the provider bills them.
     */
    public void recordBrokenAnswer(String model, String client, TokenUsage usage, Pricing pricing, int status) {
        BigDecimal cost = cost(usage, pricing);
        tally(byModel, model, pricing.currency()).addBroken(usage, cost);
        tally(byClient, client, pricing.currency()).addBroken(usage, cost);
        registry.counter("langop_proxy_requests", "model", model, "client", client, "outcome", "error_" + status)
                .increment();
        answerMeters
                .computeIfAbsent(new MeterKey(model, client, pricing.currency()), this::answerMeters)
                .charge(usage, cost);
    }

    private record MeterKey(String model, String client, String currency) {}

    private record AnswerMeters(
            Counter answered, Counter cacheHits, Counter promptTokens, Counter completionTokens, Counter cost) {
        void charge(TokenUsage usage, BigDecimal amount) {
            // Counters count in doubles: exact up to 2^53 tokens, far beyond any process's lifetime.
            promptTokens.increment((double) usage.promptTokens());
            completionTokens.increment((double) usage.completionTokens());
            cost.increment(amount.doubleValue());
        }
    }

    private AnswerMeters answerMeters(MeterKey key) {
        String model = key.model();
        String client = key.client();
        return new AnswerMeters(
                registry.counter("langop_proxy_requests", "model", model, "client", client, "outcome", "answered"),
                registry.counter("langop_proxy_requests", "model", model, "client", client, "outcome", "cache_hit"),
                registry.counter("langop_proxy_tokens", "model", model, "client", client, "type", "prompt"),
                registry.counter("langop_proxy_tokens", "model", model, "client", client, "type", "completion"),
                Counter.builder("langop_proxy_cost")
                        .baseUnit(key.currency())
                        .tags("model", model, "client", client, "currency", key.currency())
                        .register(registry));
    }

    /** A cacheable request the cache could not answer. */
    public void recordCacheMiss(String model) {
        tally(byModel, model, null).addCacheMiss();
        registry.counter("langop_proxy_cache", "model", model, "result", "miss").increment();
    }

    public void recordCacheHit(String model) {
        registry.counter("langop_proxy_cache", "model", model, "result", "hit").increment();
    }

    /** A request that ended in an error answer; {@code model} is the model the client asked for. */
    public void recordError(String model, String client, int status) {
        tally(byModel, model, null).addError();
        tally(byClient, client, null).addError();
        registry.counter("langop_proxy_requests", "model", model, "client", client, "outcome", "error_" + status)
                .increment();
    }

    /** A run a client reported having ended. */
    public void recordRun(String client, String result, boolean succeeded) {
        runsByClient.computeIfAbsent(client, c -> new RunTally()).add(result, succeeded, Instant.now());
        registry.counter("langop_proxy_runs", "client", client, "result", result)
                .increment();
    }

    public UsageReport snapshot() {
        Map<String, UsageReport.Runs> runs = new TreeMap<>();
        runsByClient.forEach((client, tally) -> runs.put(client, tally.snapshot()));
        return new UsageReport(since.toString(), snapshots(byModel), snapshots(byClient), runs, Map.of());
    }

    private static Map<String, UsageReport.Tally> snapshots(Map<String, Tally> tallies) {
        Map<String, UsageReport.Tally> sorted = new TreeMap<>();
        tallies.forEach((name, tally) -> sorted.put(name, tally.snapshot()));
        return sorted;
    }

    private static Tally tally(Map<String, Tally> tallies, String name, String currency) {
        Tally tally = tallies.computeIfAbsent(name, n -> new Tally());
        if (currency != null) {
            tally.currency = currency;
        }
        return tally;
    }

    private static final class RunTally {
        private long runs;
        private long succeeded;
        private Instant lastEnded;
        private String lastResult;

        synchronized void add(String result, boolean success, Instant ended) {
            runs++;
            if (success) {
                succeeded++;
            }
            lastEnded = ended;
            lastResult = result;
        }

        synchronized UsageReport.Runs snapshot() {
            return new UsageReport.Runs(runs, succeeded, runs - succeeded, lastEnded.toString(), lastResult);
        }
    }

    private static final class Tally {
        private long requests;
        private long promptTokens;
        private long completionTokens;
        private BigDecimal cost = BigDecimal.ZERO;
        private long cacheHits;
        private long cacheMisses;
        private long errors;
        private volatile String currency = "USD";
        private final LatencyHistogram latency = new LatencyHistogram();

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
    }
}
