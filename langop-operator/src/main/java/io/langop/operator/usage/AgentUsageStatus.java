package io.langop.operator.usage;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.agent.AgentCostMetrics;
import io.langop.api.v1alpha1.agent.AgentMetrics;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.agent.ModelUsage;
import io.langop.api.v1alpha1.agent.PendingApproval;
import io.langop.proxy.report.UsageReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An agent's executions, tokens and cost, from the proxies of the models it names: each counts the agent's
 * requests under its key, and the one its runtime reports to (its first model) counts its runs. The figures
 * count since the proxies last started ({@code costMetrics.lastReset}).
 */
public final class AgentUsageStatus {

    private AgentUsageStatus() {}

    /**
     * Writes the agent's figures into {@code status}; leaves them as they are while none of its proxies was read
     * yet (an operator that just started keeps what it wrote before instead of clearing and rewriting it).
     */
    public static void fill(LanguageAgentStatus status, LanguageAgent agent, UsageBoard board) {
        String client = AgentModels.clientName(agent);
        List<ModelUsage> usage = new ArrayList<>();
        Costs costs = new Costs();
        long tokens = 0;
        UsageReport.Runs runs = null;
        List<PendingApproval> pending = new ArrayList<>();
        boolean read = false;
        for (ResourceID model : AgentModels.of(agent)) {
            UsageReport report =
                    board.reading(model).map(UsageBoard.Reading::report).orElse(null);
            if (report == null) {
                continue;
            }
            read = true;
            costs.counting(report.since());
            UsageReport.Tally tally = report.clients().get(client);
            if (tally != null) {
                usage.add(modelUsage(model.getName(), tally));
                costs.add(model.getName(), tally.cost(), tally.currency(), report.since());
                tokens += tally.totalTokens();
            }
            runs = add(runs, report.runs().get(client));
            report.approvals()
                    .getOrDefault(client, List.of())
                    .forEach(call -> pending.add(
                            new PendingApproval(call.id(), call.tool(), call.arguments(), call.deadline())));
        }
        if (!read) {
            return;
        }
        status.setModelUsage(usage.isEmpty() ? null : usage);
        status.setPendingApprovals(pending.isEmpty() ? null : pending);
        AgentCostMetrics cost = costs.into(new AgentCostMetrics());
        cost.setModelCosts(costs.perModel().isEmpty() ? null : costs.perModel());
        status.setCostMetrics(cost);
        long executions = runs == null ? 0 : runs.runs();
        status.setExecutionCount(executions);
        status.setSuccessfulExecutions(runs == null ? 0 : runs.succeeded());
        status.setFailedExecutions(runs == null ? 0 : runs.failed());
        status.setLastExecutionTime(runs == null ? null : runs.lastEnded());
        status.setLastExecutionResult(runs == null ? null : runs.lastResult());
        AgentMetrics metrics = Objects.requireNonNullElseGet(status.getMetrics(), AgentMetrics::new);
        metrics.setTotalTokens(tokens);
        metrics.setSuccessRate(executions == 0 ? null : percent(runs.succeeded(), executions));
        status.setMetrics(metrics);
    }

    private static ModelUsage modelUsage(String model, UsageReport.Tally tally) {
        ModelUsage usage = new ModelUsage();
        usage.setModelName(model);
        usage.setRequestCount(tally.requests() + tally.errors());
        usage.setTotalTokens(tally.totalTokens());
        usage.setInputTokens(tally.promptTokens());
        usage.setOutputTokens(tally.completionTokens());
        return usage;
    }

    /** The runs of two proxies together; the last run is the later of the two. */
    private static UsageReport.Runs add(UsageReport.Runs a, UsageReport.Runs b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        UsageReport.Runs later = Instant.parse(a.lastEnded()).isAfter(Instant.parse(b.lastEnded())) ? a : b;
        return new UsageReport.Runs(
                a.runs() + b.runs(),
                a.succeeded() + b.succeeded(),
                a.failed() + b.failed(),
                later.lastEnded(),
                later.lastResult());
    }

    /** A share in percent with one decimal, as the printer column shows it. */
    static double percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
