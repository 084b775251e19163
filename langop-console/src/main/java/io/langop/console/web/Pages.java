package io.langop.console.web;

import io.langop.api.v1alpha1.client.Theme;
import io.langop.api.v1alpha1.client.UiConfig;
import io.langop.api.v1alpha1.client.UiFeatures;
import io.langop.console.auth.User;
import io.langop.console.chat.ChatTarget;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The console's pages, rendered on the server from {@code ui} of client.json: sign-in (an API key field, a
 * button per OIDC provider) and chat (who to talk to, the conversation, the message box), and the frame the
 * dashboard's pages share with them ({@link #page}). Every value from the settings or a user is escaped; the
 * conversation itself is handed to console.js as JSON, which renders Markdown into DOM nodes without ever parsing
 * HTML.
 */
public final class Pages {

    private final UiConfig ui;
    private final UiFeatures features;

    public Pages(UiConfig ui) {
        this.ui = ui == null ? new UiConfig() : ui;
        this.features = this.ui.getFeatures() == null ? new UiFeatures() : this.ui.getFeatures();
    }

    String title() {
        return ui.getTitle() == null || ui.getTitle().isBlank() ? "Chat" : ui.getTitle();
    }

    boolean hasCustomCss() {
        return ui.getCustomCSS() != null && !ui.getCustomCSS().isBlank();
    }

    boolean hasCustomJs() {
        return ui.getCustomJS() != null && !ui.getCustomJS().isBlank();
    }

    public String signIn(boolean apiKeys, List<String> oidcProviders, String error) {
        StringBuilder body = new StringBuilder();
        body.append("<main id=\"main\" class=\"sign-in\">\n<h2>Sign in</h2>\n");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">")
                    .append(Html.escape(error))
                    .append("</p>\n");
        }
        if (apiKeys) {
            body.append("<form method=\"post\" action=\"/auth/key\" class=\"key-form\">\n")
                    .append("<label for=\"key\">API key</label>\n")
                    .append("<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"current-password\""
                            + " required>\n")
                    .append("<button type=\"submit\">Sign in with the key</button>\n</form>\n");
        }
        for (String provider : oidcProviders) {
            body.append("<p><a class=\"button\" href=\"/auth/oidc/")
                    .append(Html.escape(java.net.URLEncoder.encode(provider, java.nio.charset.StandardCharsets.UTF_8)))
                    .append("\">Sign in with ")
                    .append(Html.escape(provider))
                    .append("</a></p>\n");
        }
        if (!apiKeys && oidcProviders.isEmpty()) {
            body.append("<p>No way to sign in is configured: ask the owner of this console.</p>\n");
        }
        body.append("</main>\n");
        return page(null, "", body.toString(), null, null);
    }

    String chat(User user, List<ChatTarget> targets, String currentTarget, String stateJson) {
        StringBuilder body = new StringBuilder();
        body.append("<main id=\"main\" class=\"chat\">\n");
        if (ui.getDescription() != null && !ui.getDescription().isBlank()) {
            body.append("<p class=\"welcome\" id=\"welcome\">")
                    .append(Html.escape(ui.getDescription()))
                    .append("</p>\n");
        }
        body.append("<div class=\"controls\">\n");
        boolean selectable = !Boolean.FALSE.equals(features.getShowModelSelector()) && targets.size() > 1;
        if (selectable) {
            body.append("<label for=\"target\">Talk to</label>\n<select id=\"target\" name=\"target\">\n");
            for (ChatTarget target : targets) {
                body.append("<option value=\"")
                        .append(Html.escape(target.id()))
                        .append('"')
                        .append(target.id().equals(currentTarget) ? " selected" : "")
                        .append(">")
                        .append(Html.escape(target.label()))
                        .append(target.kind() == ChatTarget.Kind.MODEL ? " (model)" : "")
                        .append("</option>\n");
            }
            body.append("</select>\n");
        } else if (!targets.isEmpty()) {
            ChatTarget only = targets.stream()
                    .filter(target -> target.id().equals(currentTarget))
                    .findFirst()
                    .orElse(targets.getFirst());
            body.append("<input type=\"hidden\" id=\"target\" value=\"")
                    .append(Html.escape(only.id()))
                    .append("\">\n<p class=\"talking-to\">Talking to ")
                    .append(Html.escape(only.label()))
                    .append("</p>\n");
        }
        body.append("<button type=\"button\" id=\"new-chat\">New chat</button>\n");
        if (!Boolean.FALSE.equals(features.getEnableExport())) {
            body.append("<button type=\"button\" id=\"export\">Export</button>\n");
        }
        body.append("</div>\n")
                .append("<ol id=\"messages\" class=\"messages\" aria-live=\"polite\" aria-label=\"Conversation\">"
                        + "</ol>\n")
                .append("<p id=\"status\" class=\"status\" role=\"status\"></p>\n")
                .append("<form id=\"composer\" class=\"composer\">\n")
                .append("<label for=\"prompt\">Message</label>\n")
                .append("<textarea id=\"prompt\" name=\"prompt\" rows=\"3\" maxlength=\"")
                .append(ChatApiServlet.MAX_MESSAGE_CHARS)
                .append("\" required aria-describedby=\"prompt-hint\"></textarea>\n")
                .append("<p id=\"prompt-hint\" class=\"hint\">Enter sends, Shift+Enter starts a new line.</p>\n")
                .append("<button type=\"submit\" id=\"send\">Send</button>\n")
                .append("</form>\n</main>\n");
        return page(user, "", body.toString(), "console.js", stateJson);
    }

    /**
     * A whole page: head (the style sheets, {@code script} from /assets with the spec's customJS after it), a skip
     * link, the bar (logo, title, who is signed in), {@code nav} (HTML, may be empty), {@code main} (HTML), the
     * footer and {@code stateJson} for the script (may be null).
     */
    public String page(User user, String nav, String main, String script, String stateJson) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=\"en\" data-theme=\"")
                .append(theme())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(Html.escape(title()))
                .append("</title>\n");
        if (ui.getDescription() != null) {
            html.append("<meta name=\"description\" content=\"")
                    .append(Html.escape(ui.getDescription()))
                    .append("\">\n");
        }
        html.append("<link rel=\"stylesheet\" href=\"/assets/console.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/theme.css\">\n");
        if (hasCustomCss()) {
            html.append("<link rel=\"stylesheet\" href=\"/assets/custom.css\">\n");
        }
        if (script != null) {
            html.append("<script src=\"/assets/").append(script).append("\" defer></script>\n");
            if (hasCustomJs()) {
                html.append("<script src=\"/assets/custom.js\" defer></script>\n");
            }
        }
        html.append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n")
                .append("<header class=\"bar\">\n");
        String logo = Html.link(ui.getLogo());
        if (logo != null) {
            html.append("<img class=\"logo\" src=\"").append(Html.escape(logo)).append("\" alt=\"\">\n");
        }
        html.append("<h1>").append(Html.escape(title())).append("</h1>\n");
        if (user != null && !user.isAnonymous()) {
            html.append("<form method=\"post\" action=\"/auth/logout\" class=\"who\">\n<span>Signed in as ")
                    .append(Html.escape(user.name()))
                    .append("</span>\n<button type=\"submit\">Sign out</button>\n</form>\n");
        }
        html.append("</header>\n").append(nav).append(main).append(footer());
        if (stateJson != null) {
            html.append("<script type=\"application/json\" id=\"console-state\">")
                    .append(Html.scriptJson(stateJson))
                    .append("</script>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private String footer() {
        String privacy = Html.link(ui.getPrivacyPolicyURL());
        String terms = Html.link(ui.getTermsOfServiceURL());
        if (ui.getFooter() == null && privacy == null && terms == null) {
            return "";
        }
        StringBuilder footer = new StringBuilder("<footer class=\"footer\">\n");
        if (ui.getFooter() != null) {
            footer.append("<p>").append(Html.escape(ui.getFooter())).append("</p>\n");
        }
        if (privacy != null) {
            footer.append("<a href=\"").append(Html.escape(privacy)).append("\">Privacy policy</a>\n");
        }
        if (terms != null) {
            footer.append("<a href=\"").append(Html.escape(terms)).append("\">Terms of service</a>\n");
        }
        return footer.append("</footer>\n").toString();
    }

    private String theme() {
        return Objects.requireNonNullElse(ui.getTheme(), Theme.AUTO).name().toLowerCase(Locale.ROOT);
    }

    /** The colours of the spec over the defaults of console.css. */
    String themeCss() {
        StringBuilder css = new StringBuilder(":root {\n");
        String primary = Html.colour(ui.getPrimaryColor());
        String secondary = Html.colour(ui.getSecondaryColor());
        if (primary != null) {
            css.append("  --primary: ").append(primary).append(";\n");
        }
        if (secondary != null) {
            css.append("  --secondary: ").append(secondary).append(";\n");
        }
        return css.append("}\n").toString();
    }

    String customCss() {
        return ui.getCustomCSS();
    }

    String customJs() {
        return ui.getCustomJS();
    }

    /** {@code features.showToolUsage}: the tool calls an agent runs, shown as lines (the default). */
    boolean showToolUsage() {
        return !Boolean.FALSE.equals(features.getShowToolUsage());
    }

    boolean showTimestamps() {
        return !Boolean.FALSE.equals(features.getShowTimestamps());
    }
}
