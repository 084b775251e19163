package io.langop.console.dashboard;

import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LanguageModelStatus;
import io.langop.api.v1alpha1.model.ModelMetrics;
import java.util.List;
import java.util.Objects;

/** {@code /models}: each model's phase and health, requests and errors, latency, tokens and cost. */
final class ModelsPage implements DashboardPage {

    private final ClusterWatch watch;

    ModelsPage(ClusterWatch watch) {
        this.watch = watch;
    }

    @Override
    public String title() {
        return "Models";
    }

    @Override
    public List<String> kinds() {
        return List.of("LanguageModel");
    }

    @Override
    public String live() {
        return "<h2>Models</h2>\n"
                + Markup.table(
                        "models",
                        "Models of the cluster",
                        List.of(
                                "Model",
                                "Phase",
                                "Healthy",
                                "Requests",
                                "Errors",
                                "Latency (mean, p95)",
                                "Tokens",
                                "Cost"),
                        watch.models().stream().map(ModelsPage::row).toList());
    }

    private static String row(LanguageModel model) {
        LanguageModelStatus status = Objects.requireNonNullElseGet(model.getStatus(), LanguageModelStatus::new);
        ModelMetrics metrics = Objects.requireNonNullElseGet(status.getMetrics(), ModelMetrics::new);
        String upstream = model.getSpec() == null
                ? ""
                : Objects.requireNonNullElse(model.getSpec().getModelName(), "");
        return Markup.row(
                Markup.text(model.getMetadata().getName())
                        + (upstream.isEmpty() ? "" : " <span class=\"muted\">" + Markup.text(upstream) + "</span>"),
                Markup.phase(status.getPhase()),
                Markup.text(status.getHealthy() == null ? Figures.UNKNOWN : status.getHealthy() ? "yes" : "no"),
                Markup.text(Figures.count(metrics.getTotalRequests())),
                Markup.text(Figures.count(metrics.getFailedRequests())),
                Markup.text(
                        Figures.millis(metrics.getAverageLatency()) + ", " + Figures.millis(metrics.getP95Latency())),
                Markup.text(Figures.count(metrics.getTotalTokens())),
                Markup.text(Figures.cost(status.getCostMetrics())));
    }
}
