package io.langop.console.dashboard;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.wire.PodAnnotations;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /agents/<name>}: an agent's phase and conditions, its runs and their outcomes, usage and cost, the code
 * that runs with a diff against the version before, its pods, and (appended live by the browser) its events and
 * its pods' logs.
 */
final class AgentPage implements DashboardPage {

    private final ClusterWatch watch;
    private final CodeVersions code;
    private final String name;

    AgentPage(ClusterWatch watch, CodeVersions code, String name) {
        this.watch = watch;
        this.code = code;
        this.name = name;
    }

    @Override
    public String title() {
        return "Agent " + name;
    }

    /** This agent, and pods (a pod's name does not say whose it is; few change at a time). */
    @Override
    public List<String> kinds() {
        return List.of("LanguageAgent/" + name, "Pod");
    }

    @Override
    public String eventsOf() {
        return "LanguageAgent/" + name;
    }

    @Override
    public String live() {
        LanguageAgent agent = watch.agent(name).orElse(null);
        if (agent == null) {
            return "<h2>Agent " + Markup.text(name)
                    + "</h2>\n<p role=\"alert\">This agent is gone from the cluster.</p>\n";
        }
        LanguageAgentStatus status = Objects.requireNonNullElseGet(agent.getStatus(), LanguageAgentStatus::new);
        StringBuilder html = new StringBuilder("<h2>Agent ")
                .append(Markup.text(name))
                .append(" <span id=\"agent-phase\">")
                .append(Markup.phase(status.getPhase()))
                .append("</span></h2>\n");
        if (status.getMessage() != null) {
            html.append("<p class=\"message\">")
                    .append(Markup.text(status.getMessage()))
                    .append("</p>\n");
        }
        html.append("<dl class=\"tiles\">\n")
                .append(Markup.tile("Runs", Figures.count(status.getExecutionCount())))
                .append(Markup.tile("Succeeded", Figures.count(status.getSuccessfulExecutions())))
                .append(Markup.tile("Failed", Figures.count(status.getFailedExecutions())))
                .append(Markup.tile("Success rate", AgentStatus.successRate(status)))
                .append(Markup.tile("Last run", AgentStatus.lastRun(status)))
                .append(Markup.tile(
                        "Tokens",
                        Figures.count(
                                status.getMetrics() == null
                                        ? null
                                        : status.getMetrics().getTotalTokens())))
                .append(Markup.tile("Cost", Figures.cost(status.getCostMetrics())))
                .append("</dl>\n");
        html.append(Markup.conditions(status.getConditions()));
        if (status.getCostMetrics() != null && status.getCostMetrics().getModelCosts() != null) {
            html.append(Markup.table(
                    "model-costs",
                    "Cost by model",
                    List.of("Model", "Cost"),
                    status.getCostMetrics().getModelCosts().stream()
                            .map(cost -> Markup.row(
                                    Markup.text(cost.getModelName()),
                                    Markup.text(Figures.money(cost.getCost(), cost.getCurrency()))))
                            .toList()));
        }
        CodeVersions.View versions = code.of(agent);
        String running = versions.running().map(CodeVersions.Version::hash).orElse(null);
        html.append(CodeSection.of(versions));
        html.append(Markup.table(
                "pods",
                "Pods",
                List.of("Pod", "Phase", "Ready", "Restarts", "Code"),
                watch.podsOf(name).stream().map(pod -> podRow(pod, running)).toList()));
        return html.toString();
    }

    /** @param running the hash of the code that runs now: a pod still on older code says so */
    private static String podRow(Pod pod, String running) {
        List<ContainerStatus> containers =
                pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                        ? List.of()
                        : pod.getStatus().getContainerStatuses();
        long ready = containers.stream()
                .filter(c -> Boolean.TRUE.equals(c.getReady()))
                .count();
        int restarts = containers.stream()
                .mapToInt(c -> Objects.requireNonNullElse(c.getRestartCount(), 0))
                .sum();
        return Markup.row(
                Markup.text(pod.getMetadata().getName()),
                Markup.text(
                        pod.getStatus() == null
                                ? Figures.UNKNOWN
                                : pod.getStatus().getPhase()),
                Markup.text(ready + "/" + containers.size()),
                Markup.text(restarts),
                Markup.text(codeOf(pod, running)));
    }

    /** The version a pod runs, from the hash the operator annotates it with (the same SHA-256 of the source). */
    private static String codeOf(Pod pod, String running) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String hash = annotations == null ? null : annotations.get(PodAnnotations.CODE_HASH);
        if (hash == null || hash.length() < CodeVersions.Version.SHORT_HASH) {
            return Figures.UNKNOWN;
        }
        String version = hash.substring(0, CodeVersions.Version.SHORT_HASH);
        return version.equals(running) ? version + " (the running version)" : version + " (an earlier version)";
    }

    @Override
    public String after() {
        return EventList.section("Events of this agent", watch.events("LanguageAgent", name))
                + "<section aria-labelledby=\"logs-title\">\n<h3 id=\"logs-title\">Logs</h3>\n"
                + "<p class=\"hint\" id=\"logs-state\" role=\"status\">Connecting to the pods' logs…</p>\n"
                + "<pre id=\"logs\" class=\"logs\" tabindex=\"0\" aria-labelledby=\"logs-title\" data-agent=\""
                + Markup.text(name) + "\"></pre>\n</section>\n";
    }
}
