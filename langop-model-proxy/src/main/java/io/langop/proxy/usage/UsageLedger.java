package io.langop.proxy.usage;

import io.langop.proxy.config.Pricing;
import io.langop.proxy.report.UsageReport;
import io.langop.server.metrics.MeterBuilders;
import io.langop.wire.Meters;
import io.langop.wire.RunReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts requests, tokens, cost, latency, cache hits and errors per model and per client key, and the runs each
 * client reports, for {@code /usage} and as Prometheus meters ({@link Meters}: the latency of answers as a histogram
 * per model, whose exemplars lead to the request's trace, since it is recorded while the request's span is current).
 * Costs are summed exactly (BigDecimal) so {@code /usage} adds up to the cent.
 *
 * <p>Without shared state the counters live in this replica's memory: they start again with the process, and
 * {@code since} says when. With {@link SharedUsage} every replica adds its counts to the same totals in Redis, which
 * {@code /usage} reports and which outlive the replicas (and the latest list of approvals an agent reported reaches
 * every replica). The Prometheus meters are always the replica's own (a Prometheus query sums them over the pods).
 */
public final class UsageLedger {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final UsageTallies local = new UsageTallies();
    /** Looked up once per model, client and currency: a registry lookup builds and sorts tags each time. */
    private final Map<MeterKey, AnswerMeters> answerMeters = new ConcurrentHashMap<>();

    private final MeterRegistry registry;
    private final SharedUsage shared;
    private final Instant since = Instant.now();

    public UsageLedger(MeterRegistry registry) {
        this(registry, null);
    }

    /** @param shared where the replicas add up their counts; null when this replica counts for itself */
    public UsageLedger(MeterRegistry registry, SharedUsage shared) {
        this.registry = registry;
        this.shared = shared;
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
        local.answer(model, client, billed, cost, pricing.currency(), cached, latencyNanos);
        if (shared != null) {
            shared.record(
                    pending -> pending.answer(model, client, billed, cost, pricing.currency(), cached, latencyNanos));
        }
        AnswerMeters meters =
                answerMeters.computeIfAbsent(new MeterKey(model, client, pricing.currency()), this::answerMeters);
        if (cached) {
            meters.cacheHits().increment();
            meters.cacheHitLatency().record(latencyNanos, TimeUnit.NANOSECONDS);
        } else {
            meters.answered().increment();
            meters.answeredLatency().record(latencyNanos, TimeUnit.NANOSECONDS);
            meters.charge(usage, cost);
        }
    }

    /**
     * An answer the named model began and did not finish (its stream broke off or fell silent): an error, yet the
     * tokens it used are charged, since the provider bills them.
     */
    public void recordBrokenAnswer(
            String model, String client, TokenUsage usage, Pricing pricing, int status, long latencyNanos) {
        BigDecimal cost = cost(usage, pricing);
        local.brokenAnswer(model, client, usage, cost, pricing.currency());
        if (shared != null) {
            shared.record(pending -> pending.brokenAnswer(model, client, usage, cost, pricing.currency()));
        }
        requests(model, client, "error_" + status).increment();
        AnswerMeters meters =
                answerMeters.computeIfAbsent(new MeterKey(model, client, pricing.currency()), this::answerMeters);
        meters.charge(usage, cost);
        meters.brokenLatency().record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    private record MeterKey(String model, String client, String currency) {}

    private record AnswerMeters(
            Counter answered,
            Counter cacheHits,
            Counter promptTokens,
            Counter completionTokens,
            Counter cost,
            Timer answeredLatency,
            Timer cacheHitLatency,
            Timer brokenLatency) {
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
                requests(model, client, "answered"),
                requests(model, client, "cache_hit"),
                tokens(model, client, "prompt"),
                tokens(model, client, "completion"),
                MeterBuilders.counter(Meters.PROXY_COST)
                        .tags("model", model, "client", client, "currency", key.currency())
                        .register(registry),
                latency(model, "answered"),
                latency(model, "cache_hit"),
                latency(model, "broken"));
    }

    private Counter requests(String model, String client, String outcome) {
        return MeterBuilders.counter(Meters.PROXY_REQUESTS)
                .tags("model", model, "client", client, "outcome", outcome)
                .register(registry);
    }

    private Counter tokens(String model, String client, String type) {
        return MeterBuilders.counter(Meters.PROXY_TOKENS)
                .tags("model", model, "client", client, "type", type)
                .register(registry);
    }

    /** Per model, not per client: a histogram is 17 series per tag set. */
    private Timer latency(String model, String outcome) {
        return MeterBuilders.timer(Meters.PROXY_REQUEST_DURATION)
                .tags("model", model, "outcome", outcome)
                .register(registry);
    }

    /** A cacheable request the cache could not answer. */
    public void recordCacheMiss(String model) {
        local.cacheMiss(model);
        if (shared != null) {
            shared.record(pending -> pending.cacheMiss(model));
        }
        cache(model, "miss").increment();
    }

    public void recordCacheHit(String model) {
        cache(model, "hit").increment();
    }

    private Counter cache(String model, String result) {
        return MeterBuilders.counter(Meters.PROXY_CACHE)
                .tags("model", model, "result", result)
                .register(registry);
    }

    /** A request that ended in an error answer; {@code model} is the model the client asked for. */
    public void recordError(String model, String client, int status) {
        local.error(model, client);
        if (shared != null) {
            shared.record(pending -> pending.error(model, client));
        }
        requests(model, client, "error_" + status).increment();
    }

    /** A run a client reported having ended, counted for the client and for the version of its code it names. */
    public void recordRun(String client, RunReport report) {
        Instant ended = Instant.now();
        local.run(client, report, ended);
        if (shared != null) {
            shared.record(pending -> pending.run(client, report, ended));
        }
        MeterBuilders.counter(Meters.PROXY_RUNS)
                .tags("client", client, "result", report.result())
                .register(registry)
                .increment();
    }

    /** The tool calls a client says wait for approval now; an empty list forgets the client's. */
    public void recordApprovals(String client, List<UsageReport.PendingApproval> pending) {
        Instant reported = Instant.now();
        local.approvals(client, pending, reported);
        if (shared != null) {
            shared.record(latest -> latest.approvals(client, pending, reported));
        }
    }

    /**
     * What {@code GET /usage} answers: the replicas' totals with shared state, this replica's counts without.
     *
     * @throws SharedUsage.UnavailableException when the totals are shared and Redis cannot be read
     */
    public UsageReport snapshot() {
        return shared == null ? localSnapshot() : shared.read(since);
    }

    /** This replica's own counts since it started, whether or not the replicas share theirs. */
    public UsageReport localSnapshot() {
        return local.snapshot(since.toString());
    }
}
