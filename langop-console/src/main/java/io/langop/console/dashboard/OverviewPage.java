package io.langop.console.dashboard;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.langop.api.v1alpha1.CostMetrics;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.cluster.ClusterMetrics;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterStatus;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        return "<h2>Overview</h2>\n" + tiles() + phases() + agents();
    }

    private String tiles() {
        Optional<LanguageClusterStatus> found = watch.cluster().map(LanguageCluster::getStatus);
        LanguageClusterStatus status = found.orElseGet(LanguageClusterStatus::new);
        ClusterMetrics metrics = Objects.requireNonNullElseGet(status.getMetrics(), ClusterMetrics::new);
        return "<dl class=\"tiles\">\n"
                + Markup.tile("Cluster", found.isEmpty() ? "not found" : Markup.phaseLabel(status.getPhase()))
                + Markup.tile(costLabel(status.getCostMetrics()), Figures.cost(status.getCostMetrics()))
                + Markup.tile("Requests to models", Figures.count(metrics.getTotalRequests()))
                + Markup.tile("Agent runs", Figures.count(metrics.getExecutions()))
                + "</dl>\n";
    }

    private String phases() {
        return Markup.table(
                "phases",
                "Components by phase",
                List.of("Kind", "Phases"),
                List.of(
                        Markup.row("Agents", counts(watch.agents(), LanguageAgent::getStatus, s -> s.getPhase())),
                        Markup.row("Models", counts(watch.models(), LanguageModel::getStatus, s -> s.getPhase())),
                        Markup.row("Tools", counts(watch.tools(), LanguageTool::getStatus, s -> s.getPhase())),
                        Markup.row(
                                "Personas", counts(watch.personas(), LanguagePersona::getStatus, s -> s.getPhase()))));
    }

    private String agents() {
        return Markup.table(
                "agents",
                "Agents, failing first",
                List.of("Agent", "Phase", "Last run", "Success rate", "Cost"),
                watch.agents().stream()
                        .sorted(Comparator.comparingInt(OverviewPage::trouble)
                                .reversed()
                                .thenComparing(agent -> agent.getMetadata().getName()))
                        .map(OverviewPage::agentRow)
                        .toList());
    }

    private static String agentRow(LanguageAgent agent) {
        LanguageAgentStatus status = Objects.requireNonNullElseGet(agent.getStatus(), LanguageAgentStatus::new);
        return Markup.row(
                Markup.agentLink(agent.getMetadata().getName()),
                Markup.phase(status.getPhase()),
                Markup.text(AgentStatus.lastRun(status)),
                Markup.text(AgentStatus.successRate(status)),
                Markup.text(Figures.cost(status.getCostMetrics())));
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
    private String costLabel(CostMetrics cost) {
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

    /** "Failed: 1 Running: 2": how many members are in each phase (Unknown: no status yet). */
    private static <T extends HasMetadata, S> String counts(
            List<T> members, Function<T, S> status, Function<S, Enum<?>> phase) {
        if (members.isEmpty()) {
            return "none";
        }
        Map<String, Long> counts = members.stream()
                .collect(Collectors.groupingBy(
                        member -> {
                            S of = status.apply(member);
                            return Markup.phaseLabel(of == null ? null : phase.apply(of));
                        },
                        TreeMap::new,
                        Collectors.counting()));
        return counts.entrySet().stream()
                .map(entry ->
                        "<span class=\"count\">" + Markup.text(entry.getKey()) + ": " + entry.getValue() + "</span>")
                .collect(Collectors.joining(" "));
    }
}
