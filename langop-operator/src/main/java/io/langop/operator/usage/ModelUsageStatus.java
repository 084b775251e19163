package io.langop.operator.usage;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.model.EndpointStatus;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LanguageModelStatus;
import io.langop.api.v1alpha1.model.ModelCostMetrics;
import io.langop.api.v1alpha1.model.ModelMetrics;
import io.langop.proxy.report.UsageReport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A model's traffic, latency, cost and health, from its proxy's last report: requests, errors and tokens of
 * every client (agents and the operator's synthesis), and whether the proxy answered and routing keeps every
 * endpoint in service.
 */
public final class ModelUsageStatus {

    private ModelUsageStatus() {}

    /** Writes the model's figures into {@code status}; leaves them as they are until the proxy was first read. */
    public static void fill(LanguageModelStatus status, LanguageModel model, UsageBoard board) {
        UsageBoard.Reading reading =
                board.reading(ResourceID.fromResource(model)).orElse(null);
        if (reading == null) {
            return;
        }
        String name = model.getMetadata().getName();
        List<UsageReport.EndpointHealth> endpoints = reading.report() == null
                ? List.of()
                : reading.report().endpoints().getOrDefault(name, List.of());
        boolean healthy = reading.reachable() && endpoints.stream().allMatch(UsageReport.EndpointHealth::healthy);
        if (!Objects.equals(status.getHealthy(), healthy)) {
            status.setLastHealthCheck(
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        status.setHealthy(healthy);
        status.setEndpointStatus(
                endpoints.isEmpty()
                        ? null
                        : endpoints.stream().map(ModelUsageStatus::endpoint).toList());
        if (reading.report() == null) {
            return;
        }
        UsageReport.Tally tally = reading.report().models().get(name);
        ModelMetrics metrics = new ModelMetrics();
        ModelCostMetrics cost = new ModelCostMetrics();
        cost.setLastReset(reading.report().since());
        if (tally == null) {
            metrics.setTotalRequests(0L);
            metrics.setSuccessfulRequests(0L);
            metrics.setFailedRequests(0L);
            metrics.setTotalTokens(0L);
            cost.setTotalCost(0.0);
        } else {
            metrics.setTotalRequests(tally.requests() + tally.errors());
            metrics.setSuccessfulRequests(tally.requests());
            metrics.setFailedRequests(tally.errors());
            metrics.setTotalTokens(tally.totalTokens());
            metrics.setInputTokens(tally.promptTokens());
            metrics.setOutputTokens(tally.completionTokens());
            metrics.setAverageLatency(millis(tally.averageLatencyMs()));
            metrics.setP95Latency(millis(tally.p95LatencyMs()));
            metrics.setP99Latency(millis(tally.p99LatencyMs()));
            cost.setTotalCost(tally.cost().doubleValue());
            cost.setCurrency(tally.currency());
        }
        status.setMetrics(metrics);
        status.setCostMetrics(cost);
    }

    private static EndpointStatus endpoint(UsageReport.EndpointHealth health) {
        EndpointStatus endpoint = new EndpointStatus();
        endpoint.setUrl(health.url());
        endpoint.setHealthy(health.healthy());
        return endpoint;
    }

    private static Integer millis(Long value) {
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }
}
