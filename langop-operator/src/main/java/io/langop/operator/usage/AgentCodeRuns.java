package io.langop.operator.usage;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.proxy.report.UsageReport;
import java.time.Instant;
import java.util.Optional;

/**
 * The runs an agent's runtime reported for one version of its code, from the proxies of its models (it reports to
 * its first; a model list that changed may leave runs at another): what tells whether new code of an agent without
 * Jobs (autonomous, interactive, event-driven) fails its first runs.
 */
public final class AgentCodeRuns {

    private AgentCodeRuns() {}

    /** Empty until a proxy of the agent was read and reported a run of this code. */
    public static Optional<UsageReport.CodeRuns> of(LanguageAgent agent, UsageBoard board, String codeHash) {
        String client = AgentModels.clientName(agent);
        UsageReport.CodeRuns total = null;
        for (ResourceID model : AgentModels.of(agent)) {
            UsageReport report =
                    board.reading(model).map(UsageBoard.Reading::report).orElse(null);
            UsageReport.Runs runs = report == null ? null : report.runs().get(client);
            UsageReport.CodeRuns code = runs == null ? null : runs.byCode().get(codeHash);
            if (code != null) {
                total = total == null ? code : add(total, code);
            }
        }
        return Optional.ofNullable(total);
    }

    /** The runs of two proxies together; the last failure is that of the proxy whose last run is the later. */
    private static UsageReport.CodeRuns add(UsageReport.CodeRuns a, UsageReport.CodeRuns b) {
        boolean bLater = a.lastEnded() == null
                || (b.lastEnded() != null && Instant.parse(b.lastEnded()).isAfter(Instant.parse(a.lastEnded())));
        UsageReport.CodeRuns later = bLater ? b : a;
        UsageReport.CodeRuns earlier = bLater ? a : b;
        return new UsageReport.CodeRuns(
                a.runs() + b.runs(),
                a.succeeded() + b.succeeded(),
                a.failed() + b.failed(),
                later.lastEnded(),
                later.lastFailure() != null ? later.lastFailure() : earlier.lastFailure());
    }
}
