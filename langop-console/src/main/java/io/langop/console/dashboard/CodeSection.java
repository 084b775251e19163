package io.langop.console.dashboard;

/** The code part of an agent's page: which version runs, the diff against the one before, the whole source. */
final class CodeSection {

    private CodeSection() {}

    static String of(CodeVersions.View view) {
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"code-title\" id=\"code\">\n")
                .append("<h3 id=\"code-title\">Code</h3>\n");
        if (view.running().isEmpty()) {
            return html.append("<p>")
                    .append(Markup.text(view.problem()))
                    .append("</p>\n</section>\n")
                    .toString();
        }
        CodeVersions.Version running = view.running().get();
        html.append("<p>Running version <code id=\"code-version\">")
                .append(running.hash())
                .append("</code> from ConfigMap <code>")
                .append(Markup.text(running.configMap()))
                .append("</code>.</p>\n");
        if (view.previous().isPresent()) {
            CodeVersions.Version previous = view.previous().get();
            html.append("<p>Changes since version <code>")
                    .append(previous.hash())
                    .append("</code>, ")
                    .append(Markup.text(view.previousFrom()))
                    .append(" (ConfigMap <code>")
                    .append(Markup.text(previous.configMap()))
                    .append(
                            "</code>):</p>\n<pre class=\"diff\" id=\"code-diff\" tabindex=\"0\" aria-label=\"Code diff\">");
            for (LineDiff.Line line : LineDiff.of(previous.source(), running.source())) {
                // ins and del are blocks (console.css): they end their line themselves
                switch (line.change()) {
                    case ADDED ->
                        html.append("<ins>+ ").append(Markup.text(line.text())).append("</ins>");
                    case REMOVED ->
                        html.append("<del>- ").append(Markup.text(line.text())).append("</del>");
                    case KEPT ->
                        html.append("  ").append(Markup.text(line.text())).append('\n');
                }
            }
            html.append("</pre>\n");
        } else {
            html.append("<p>No earlier version is known.</p>\n");
        }
        return html.append("<details><summary>The whole code</summary>\n<pre class=\"source\" tabindex=\"0\"><code>")
                .append(Markup.text(running.source()))
                .append("</code></pre>\n</details>\n</section>\n")
                .toString();
    }
}
