package io.langop.tool.web.page;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The readable part of an HTML page as Markdown: the main content (the {@code main} element, else
 * the richest {@code article}, else the body) with scripts, styles, navigation, forms, banners and
 * other chrome dropped; headings, paragraphs, lists, links, code blocks and table rows kept.
 */
public final class ReadableMarkdown {

    /** Never content: scripts and styles, interactive chrome, and what is hidden from readers. */
    private static final String NOISE = String.join(
            ", ",
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "canvas",
            "iframe",
            "object",
            "embed",
            "link",
            "meta",
            "nav",
            "aside",
            "form",
            "button",
            "input",
            "select",
            "textarea",
            "dialog",
            "menu",
            "[hidden]",
            "[aria-hidden=true]",
            "[role=navigation]",
            "[role=banner]",
            "[role=contentinfo]",
            "[role=complementary]",
            "[role=search]",
            "[role=dialog]",
            "[role=alert]");

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "body",
            "blockquote",
            "figure",
            "figcaption",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "address",
            "details",
            "summary",
            "center",
            "hr");

    private ReadableMarkdown() {}

    public static String of(Document page) {
        Document document = page.clone();
        document.select(NOISE).remove();
        // Site headers and footers are chrome, but an article's own header holds its title.
        document.select("header, footer").stream()
                .filter(element -> element.closest("article, main") == null)
                .forEach(Element::remove);
        Element root = mainContent(document);
        StringBuilder out = new StringBuilder();
        String title = document.title().strip();
        if (!title.isEmpty() && root.selectFirst("h1") == null) {
            out.append("# ").append(title).append("\n\n");
        }
        render(root, out);
        return tidy(out.toString());
    }

    private static Element mainContent(Document document) {
        Element main = document.selectFirst("main, [role=main]");
        if (main != null) {
            return main;
        }
        return document.select("article").stream()
                .max(Comparator.comparingInt(article -> article.text().length()))
                .orElse(document.body() != null ? document.body() : document);
    }

    private static void render(Node node, StringBuilder out) {
        switch (node) {
            case TextNode text -> {
                // Whitespace between block elements (list items, table rows) is layout, not a blank line.
                boolean atLineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
                if (!(atLineStart && text.isBlank())) {
                    out.append(text.text());
                }
            }
            case Element element -> renderElement(element, out);
            default -> {}
        }
    }

    private static void renderElement(Element element, StringBuilder out) {
        String tag = element.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String heading = element.text().strip();
                if (!heading.isEmpty()) {
                    paragraphBreak(out);
                    out.append("#".repeat(tag.charAt(1) - '0')).append(' ').append(heading);
                    paragraphBreak(out);
                }
            }
            case "br" -> out.append('\n');
            case "li" -> {
                lineBreak(out);
                Element parent = element.parent();
                boolean ordered = parent != null && parent.normalName().equals("ol");
                out.append(ordered ? (element.elementSiblingIndex() + 1) + ". " : "- ");
                children(element, out);
                lineBreak(out);
            }
            case "pre" -> {
                paragraphBreak(out);
                out.append("```\n").append(element.wholeText().strip()).append("\n```");
                paragraphBreak(out);
            }
            case "code" -> out.append('`').append(element.text()).append('`');
            case "a" -> {
                String text = element.text().strip();
                String href = element.absUrl("href");
                if (text.isEmpty()) {
                    return;
                }
                boolean linkable = href.toLowerCase(Locale.ROOT).startsWith("http");
                out.append(linkable ? "[" + text + "](" + href + ")" : text);
            }
            case "img" -> {}
            case "tr" -> {
                lineBreak(out);
                out.append("| ");
                element.children()
                        .forEach(cell -> out.append(cell.text().strip()).append(" | "));
                lineBreak(out);
            }
            default -> {
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    paragraphBreak(out);
                }
                children(element, out);
                if (block) {
                    paragraphBreak(out);
                }
            }
        }
    }

    private static void children(Element element, StringBuilder out) {
        element.childNodes().forEach(child -> render(child, out));
    }

    private static void paragraphBreak(StringBuilder out) {
        out.append("\n\n");
    }

    private static void lineBreak(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** One space between words, trimmed lines, at most one blank line in a row; code blocks untouched. */
    private static String tidy(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        int blankLines = 0;
        for (String line : markdown.split("\n", -1)) {
            boolean fence = line.strip().startsWith("```");
            if (inCode && !fence) {
                out.append('\n').append(line);
                continue;
            }
            inCode ^= fence;
            String cleaned = line.replaceAll("[ \\t\\u00a0]+", " ").strip();
            if (cleaned.isEmpty()) {
                blankLines++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blankLines > 0 ? "\n\n" : "\n");
            }
            out.append(cleaned);
            blankLines = 0;
        }
        return out.toString();
    }
}
