package io.langop.operator.usage;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.cluster.ClusterCostMetrics;
import io.langop.api.v1alpha1.cluster.ClusterMetrics;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterStatus;
import io.langop.proxy.report.UsageReport;
import java.util.Map;

/**
 * A cluster's total: what the proxies of its LanguageModels served and cost, whoever called them, and the runs
 * reported to them.
 */
public final class ClusterUsageStatus {

    private ClusterUsageStatus() {}

    /** Writes the cluster's totals into {@code status}; leaves them as they are until one of its proxies was read. */
    public static void fill(LanguageClusterStatus status, LanguageCluster cluster, UsageBoard board) {
        Map<ResourceID, UsageBoard.Reading> readings = board.readingsOfCluster(ResourceID.fromResource(cluster));
        ClusterMetrics metrics = new ClusterMetrics();
        long requests = 0;
        long failed = 0;
        long input = 0;
        long output = 0;
        long executions = 0;
        long succeeded = 0;
        Costs costs = new Costs();
        boolean read = false;
        for (var entry : readings.entrySet()) {
            UsageReport report = entry.getValue().report();
            if (report == null) {
                continue;
            }
            read = true;
            String model = entry.getKey().getName();
            costs.counting(report.since());
            UsageReport.Tally tally = report.models().get(model);
            if (tally != null) {
                requests += tally.requests() + tally.errors();
                failed += tally.errors();
                input += tally.promptTokens();
                output += tally.completionTokens();
                costs.add(model, tally.cost(), tally.currency(), report.since());
            }
            for (UsageReport.Runs runs : report.runs().values()) {
                executions += runs.runs();
                succeeded += runs.succeeded();
            }
        }
        if (!read) {
            return;
        }
        metrics.setTotalRequests(requests);
        metrics.setFailedRequests(failed);
        metrics.setInputTokens(input);
        metrics.setOutputTokens(output);
        metrics.setTotalTokens(input + output);
        metrics.setExecutions(executions);
        metrics.setSuccessfulExecutions(succeeded);
        status.setMetrics(metrics);
        ClusterCostMetrics cost = costs.into(new ClusterCostMetrics());
        cost.setModelCosts(costs.perModel().isEmpty() ? null : costs.perModel());
        status.setCostMetrics(cost);
    }
}
