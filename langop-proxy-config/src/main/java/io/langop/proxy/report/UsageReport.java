package io.langop.proxy.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the model proxy answers on {@code GET /usage}: its counters since it started, per model and per client key,
 * the runs each client reported, and the health of every upstream endpoint. The proxy writes it; the operator reads
 * it into the status of LanguageModels, LanguageAgents and LanguageClusters. Unknown fields are for the reader to
 * ignore, so either side may be newer.
 *
 * @param since     when the counters started (the proxy's start, RFC 3339): they live in memory only
 * @param models    per model of the proxy's file (and {@code unknown} for names it does not serve)
 * @param clients   per client key name
 * @param runs      per client key name, the runs it reported
 * @param endpoints per model, each upstream endpoint's health as routing sees it
 * @param approvals per client key name, the tool calls it said wait for a person's approval now
 */
public record UsageReport(
        String since,
        Map<String, Tally> models,
        Map<String, Tally> clients,
        Map<String, Runs> runs,
        Map<String, List<EndpointHealth>> endpoints,
        Map<String, List<PendingApproval>> approvals) {

    public UsageReport {
        models = models == null ? Map.of() : models;
        clients = clients == null ? Map.of() : clients;
        runs = runs == null ? Map.of() : runs;
        endpoints = endpoints == null ? Map.of() : endpoints;
        approvals = approvals == null ? Map.of() : approvals;
    }

    public UsageReport withEndpoints(Map<String, List<EndpointHealth>> health) {
        return new UsageReport(since, models, clients, runs, health, approvals);
    }

    /**
     * @param averageLatencyMs from admission to the end of the answer, null before the first answer
     * @param p95LatencyMs     upper bound of the latency bucket holding the 95th percentile
     */
    public record Tally(
            long requests,
            long promptTokens,
            long completionTokens,
            long totalTokens,
            BigDecimal cost,
            String currency,
            long cacheHits,
            long cacheMisses,
            long errors,
            Long averageLatencyMs,
            Long p95LatencyMs,
            Long p99LatencyMs) {}

    /**
     * @param lastEnded  when the last reported run ended (RFC 3339), as the proxy received the report
     * @param lastResult how it ended ({@code succeeded}, {@code failed}, {@code constraint_timeout}, ...)
     * @param byCode     the same runs per version of the client's code (its SHA-256), for the reports that named
     *                   one; the {@value #CODE_VERSIONS_KEPT} versions reported last
     */
    public record Runs(
            long runs, long succeeded, long failed, String lastEnded, String lastResult, Map<String, CodeRuns> byCode) {

        /** New code, the good code before it, a failed one between them, and one more. */
        public static final int CODE_VERSIONS_KEPT = 4;

        public Runs {
            byCode = byCode == null ? Map.of() : byCode;
        }

        /** Runs whose code nobody named. */
        public Runs(long runs, long succeeded, long failed, String lastEnded, String lastResult) {
            this(runs, succeeded, failed, lastEnded, lastResult, Map.of());
        }
    }

    /**
     * The runs of one version of a client's code: what tells the operator that new code fails its first runs while
     * the code before it succeeded, so that it rolls the agent back.
     *
     * @param lastEnded   when the last run of this code was reported (RFC 3339)
     * @param lastFailure why the last failed run of this code failed, as the runtime reported it; null when none
     *                    failed or none said why
     */
    public record CodeRuns(long runs, long succeeded, long failed, String lastEnded, String lastFailure) {}

    /**
     * A tool call waiting for a person, as the agent reported it ({@code io.langop.wire.PendingApprovals}).
     *
     * @param arguments the call's arguments with secrets taken out, as compact JSON text, at most 512 characters
     * @param deadline  RFC 3339
     */
    public record PendingApproval(String id, String tool, String arguments, String deadline) {}

    /** @param healthy false while the endpoint's circuit breaker keeps traffic away from it */
    public record EndpointHealth(String url, boolean healthy) {}
}
