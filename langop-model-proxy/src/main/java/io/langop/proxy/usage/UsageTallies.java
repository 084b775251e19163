package io.langop.proxy.usage;

import io.langop.proxy.report.UsageReport;
import io.langop.wire.RunReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Tallies per model and per client key, and runs per client: what {@code /usage} reports. Thread-safe. */
final class UsageTallies {

    private final Map<String, Tally> byModel = new ConcurrentHashMap<>();
    private final Map<String, Tally> byClient = new ConcurrentHashMap<>();
    private final Map<String, RunTally> runsByClient = new ConcurrentHashMap<>();
    /** The latest list each client reported, an empty one included (it replaces an earlier one elsewhere). */
    private final Map<String, ReportedApprovals> approvals = new ConcurrentHashMap<>();

    void answer(
            String model,
            String client,
            TokenUsage billed,
            BigDecimal cost,
            String currency,
            boolean cached,
            long latencyNanos) {
        tally(byModel, model, currency).add(billed, cost, cached, latencyNanos);
        tally(byClient, client, currency).add(billed, cost, cached, latencyNanos);
    }

    void brokenAnswer(String model, String client, TokenUsage usage, BigDecimal cost, String currency) {
        tally(byModel, model, currency).addBroken(usage, cost);
        tally(byClient, client, currency).addBroken(usage, cost);
    }

    void cacheMiss(String model) {
        tally(byModel, model, null).addCacheMiss();
    }

    void error(String model, String client) {
        tally(byModel, model, null).addError();
        tally(byClient, client, null).addError();
    }

    void run(String client, RunReport report, Instant ended) {
        runs(client).add(report.result(), report.succeeded(), ended, report.codeHash(), report.failure());
    }

    /** Keeps {@code pending} as the client's list unless a later one was reported. */
    void approvals(String client, List<UsageReport.PendingApproval> pending, Instant reported) {
        approvals.merge(
                client,
                new ReportedApprovals(reported, List.copyOf(pending)),
                (kept, next) -> next.reported().isBefore(kept.reported()) ? kept : next);
    }

    Map<String, ReportedApprovals> approvals() {
        return approvals;
    }

    Tally model(String name) {
        return tally(byModel, name, null);
    }

    Tally client(String name) {
        return tally(byClient, name, null);
    }

    RunTally runs(String client) {
        return runsByClient.computeIfAbsent(client, c -> new RunTally());
    }

    Map<String, Tally> byModel() {
        return byModel;
    }

    Map<String, Tally> byClient() {
        return byClient;
    }

    Map<String, RunTally> runsByClient() {
        return runsByClient;
    }

    boolean isEmpty() {
        return byModel.isEmpty() && byClient.isEmpty() && runsByClient.isEmpty() && approvals.isEmpty();
    }

    UsageReport snapshot(String since) {
        Map<String, UsageReport.Runs> runs = new TreeMap<>();
        runsByClient.forEach((client, tally) -> runs.put(client, tally.snapshot()));
        Map<String, List<UsageReport.PendingApproval>> waiting = new TreeMap<>();
        approvals.forEach((client, latest) -> {
            if (!latest.pending().isEmpty()) {
                waiting.put(client, latest.pending());
            }
        });
        return new UsageReport(since, snapshots(byModel), snapshots(byClient), runs, Map.of(), waiting);
    }

    private static Map<String, UsageReport.Tally> snapshots(Map<String, Tally> tallies) {
        Map<String, UsageReport.Tally> sorted = new TreeMap<>();
        tallies.forEach((name, tally) -> sorted.put(name, tally.snapshot()));
        return sorted;
    }

    private static Tally tally(Map<String, Tally> tallies, String name, String currency) {
        Tally tally = tallies.computeIfAbsent(name, n -> new Tally());
        if (currency != null) {
            tally.currency(currency);
        }
        return tally;
    }

    /** A client's list of tool calls waiting for approval, and when it reported it. */
    record ReportedApprovals(Instant reported, List<UsageReport.PendingApproval> pending) {}
}
