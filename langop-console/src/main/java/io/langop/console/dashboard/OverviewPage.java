package io.langop.console.dashboard;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code /}: how many of each kind are in each phase, the cluster's cost today, and the agents, failing first. */
final class OverviewPage implements DashboardPage {

    private final ClusterWatch watch;
    private final Clock clock;

    OverviewPage(ClusterWatch watch, Clock clock) {
        this.watch = watch;
        this.clock = clock;
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public List<String> kinds() {
        return List.of("LanguageCluster", "LanguageAgent", "LanguageModel", "LanguageTool", "LanguagePersona");
    }

    @Override
    public String live() {
        StringBuilder html = new StringBuilder("<h2>Overview</h2>\n<dl class=\"tiles\">\n");
        LanguageCluster cluster = watch.cluster().orElse(null);
        var status = cluster == null ? null : cluster.getStatus();
        html.append(Markup.tile("Cluster", status == null ? "not found" : Markup.phaseLabel(status.getPhase())));
        html.append(Markup.tile(
                costLabel(status == null ? null : status.getCostMetrics()),
                Figures.cost(status == null ? null : status.getCostMetrics())));
        html.append(Markup.tile(
                "Requests to models",
                Figures.count(
                        status == null || status.getMetrics() == null
                                ? null
                                : status.getMetrics().getTotalRequests())));
        html.append(Markup.tile(
                "Agent runs",
                Figures.count(
                        status == null || status.getMetrics() == null
                                ? null
                                : status.getMetrics().getExecutions())));
        html.append("</dl>\n");

        html.append(Markup.table(
                "phases",
                "Components by phase",
                List.of("Kind", "Phases"),
                List.of(
                        Markup.row(
                                "Agents",
                                phases(
                                        watch.agents(),
                                        a -> a.getStatus() == null
                                                ? null
                                                : a.getStatus().getPhase())),
                        Markup.row(
                                "Models",
                                phases(
                                        watch.models(),
                                        m -> m.getStatus() == null
                                                ? null
                                                : m.getStatus().getPhase())),
                        Markup.row(
                                "Tools",
                                phases(
                                        watch.tools(),
                                        t -> t.getStatus() == null
                                                ? null
                                                : t.getStatus().getPhase())),
                        Markup.row(
                                "Personas",
                                phases(
                                        watch.personas(),
                                        p -> p.getStatus() == null
                                                ? null
                                                : p.getStatus().getPhase())))));

        html.append(Markup.table(
                "agents",
                "Agents, failing first",
                List.of("Agent", "Phase", "Last run", "Success rate", "Cost"),
                watch.agents().stream()
                        .sorted(Comparator.comparingInt(OverviewPage::trouble)
                                .reversed()
                                .thenComparing(agent -> agent.getMetadata().getName()))
                        .map(agent -> {
                            LanguageAgentStatus s = agent.getStatus();
                            return Markup.row(
                                    Markup.agentLink(agent.getMetadata().getName()),
                                    Markup.phase(s == null ? null : s.getPhase()),
                                    Markup.text(
                                            s == null || s.getLastExecutionTime() == null
                                                    ? Figures.UNKNOWN
                                                    : s.getLastExecutionTime() + " "
                                                            + nonNull(s.getLastExecutionResult())),
                                    Markup.text(Figures.percent(
                                            s == null || s.getMetrics() == null
                                                    ? null
                                                    : s.getMetrics().getSuccessRate())),
                                    Markup.text(Figures.cost(s == null ? null : s.getCostMetrics())));
                        })
                        .toList()));
        return html.toString();
    }

    /** How badly an agent is doing: failed beats failing runs beats the rest. */
    static int trouble(LanguageAgent agent) {
        LanguageAgentStatus status = agent.getStatus();
        if (status == null) {
            return 0;
        }
        if (status.getPhase() == AgentPhase.FAILED) {
            return 2;
        }
        return status.getFailedExecutions() != null && status.getFailedExecutions() > 0 ? 1 : 0;
    }

    /** "Cost today" when the proxies' figures start today, else since when they count. */
    private String costLabel(io.langop.api.v1alpha1.CostMetrics cost) {
        if (cost == null || cost.getLastReset() == null) {
            return "Cost today";
        }
        try {
            LocalDate since =
                    Instant.parse(cost.getLastReset()).atZone(ZoneOffset.UTC).toLocalDate();
            return since.equals(LocalDate.now(clock.withZone(ZoneOffset.UTC))) ? "Cost today" : "Cost since " + since;
        } catch (java.time.format.DateTimeParseException e) {
            return "Cost since " + cost.getLastReset();
        }
    }

    private static <T extends HasMetadata> String phases(List<T> members, Function<T, Enum<?>> phase) {
        if (members.isEmpty()) {
            return "none";
        }
        Map<String, Long> counts = members.stream()
                .collect(Collectors.groupingBy(
                        member -> Markup.phaseLabel(phase.apply(member)), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .map(entry ->
                        "<span class=\"count\">" + Markup.text(entry.getKey()) + ": " + entry.getValue() + "</span>")
                .collect(Collectors.joining(" "));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
