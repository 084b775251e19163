package io.langop.console.dashboard;

import io.fabric8.kubernetes.api.model.Condition;
import io.langop.api.v1alpha1.tool.AvailableTool;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.api.v1alpha1.tool.LanguageToolStatus;
import java.util.List;
import java.util.Objects;

/** {@code /tools}: each tool server's phase and health (its Ready condition) and the tools it offers. */
final class ToolsPage implements DashboardPage {

    private final ClusterWatch watch;

    ToolsPage(ClusterWatch watch) {
        this.watch = watch;
    }

    @Override
    public String title() {
        return "Tools";
    }

    @Override
    public List<String> kinds() {
        return List.of("LanguageTool");
    }

    @Override
    public String live() {
        StringBuilder html = new StringBuilder("<h2>Tools</h2>\n");
        if (watch.tools().isEmpty()) {
            html.append("<p>No tools in this cluster yet.</p>\n");
        }
        for (LanguageTool tool : watch.tools()) {
            LanguageToolStatus status = Objects.requireNonNullElseGet(tool.getStatus(), LanguageToolStatus::new);
            String name = tool.getMetadata().getName();
            html.append("<section class=\"card\" aria-labelledby=\"tool-")
                    .append(Markup.text(name))
                    .append("\">\n<h3 id=\"tool-")
                    .append(Markup.text(name))
                    .append("\">")
                    .append(Markup.text(name))
                    .append(' ')
                    .append(Markup.phase(status.getPhase()))
                    .append("</h3>\n<p>Health: ")
                    .append(Markup.text(health(status)))
                    .append(
                            status.getEndpoint() == null
                                    ? ""
                                    : " · endpoint <code>" + Markup.text(status.getEndpoint()) + "</code>")
                    .append("</p>\n");
            List<AvailableTool> available = Objects.requireNonNullElse(status.getAvailableTools(), List.of());
            html.append(Markup.table(
                    "tools-of-" + Markup.text(name),
                    "Tools " + name + " offers",
                    List.of("Tool", "Description"),
                    available.stream()
                            .map(each -> Markup.row(Markup.text(each.getName()), Markup.text(each.getDescription())))
                            .toList()));
            html.append("</section>\n");
        }
        return html.toString();
    }

    /** The Ready condition says whether the server answers; its message says why not. */
    private static String health(LanguageToolStatus status) {
        Condition ready = Objects.requireNonNullElse(status.getConditions(), List.<Condition>of()).stream()
                .filter(condition -> "Ready".equals(condition.getType()))
                .findFirst()
                .orElse(null);
        if (ready == null) {
            return "not known yet";
        }
        return "True".equals(ready.getStatus())
                ? "ready"
                : "not ready: " + Objects.requireNonNullElse(ready.getMessage(), ready.getReason());
    }
}
