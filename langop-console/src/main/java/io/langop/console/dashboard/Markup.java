package io.langop.console.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.Condition;
import io.langop.console.web.Html;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The pieces the dashboard's pages are built of, every value escaped. */
final class Markup {

    private Markup() {}

    static String text(Object value) {
        return Html.escape(value == null ? "" : value.toString());
    }

    /** A phase as the API spells it ({@code Running}), with a class that colours it and words that say it. */
    static String phase(Enum<?> phase) {
        String label = phaseLabel(phase);
        return "<span class=\"phase phase-" + label.toLowerCase(Locale.ROOT) + "\">" + text(label) + "</span>";
    }

    static String phaseLabel(Enum<?> phase) {
        if (phase == null) {
            return "Unknown";
        }
        try {
            JsonProperty named =
                    phase.getDeclaringClass().getField(phase.name()).getAnnotation(JsonProperty.class);
            return named == null ? phase.name() : named.value();
        } catch (NoSuchFieldException e) {
            return phase.name();
        }
    }

    static String agentLink(String name) {
        return "<a href=\"/agents/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "\">" + text(name) + "</a>";
    }

    /** A table with a caption (its accessible name) and a header row; rows are HTML. */
    static String table(String id, String caption, List<String> headers, List<String> rows) {
        StringBuilder html = new StringBuilder("<div class=\"table-wrap\"><table id=\"")
                .append(id)
                .append("\">\n<caption>")
                .append(text(caption))
                .append("</caption>\n<thead><tr>");
        headers.forEach(
                header -> html.append("<th scope=\"col\">").append(text(header)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"").append(headers.size()).append("\">None yet.</td></tr>\n");
        }
        rows.forEach(html::append);
        return html.append("</tbody>\n</table></div>\n").toString();
    }

    /** A row: the first cell is its header (the row's name), the others plain cells; cells are HTML. */
    static String row(String... cells) {
        StringBuilder html = new StringBuilder("<tr>");
        for (int i = 0; i < cells.length; i++) {
            html.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(cells[i]).append(i == 0 ? "</th>" : "</td>");
        }
        return html.append("</tr>\n").toString();
    }

    static String conditions(List<Condition> conditions) {
        return table(
                "conditions",
                "Conditions",
                List.of("Type", "Status", "Reason", "Message", "Since"),
                conditions == null
                        ? List.of()
                        : conditions.stream()
                                .map(c -> row(
                                        text(c.getType()),
                                        "<span class=\"status-"
                                                + text(c.getStatus()).toLowerCase(Locale.ROOT) + "\">"
                                                + text(c.getStatus()) + "</span>",
                                        text(c.getReason()),
                                        text(c.getMessage()),
                                        text(c.getLastTransitionTime())))
                                .toList());
    }

    /** A figure with its label, for the tiles at the top of a page. */
    static String tile(String label, String value) {
        return "<div class=\"tile\"><dt>" + text(label) + "</dt><dd>" + text(value) + "</dd></div>\n";
    }
}
