package io.langop.console.web;

import java.util.regex.Pattern;

/** Text placed into HTML: escaped for element content and quoted attributes alike; links and colours checked. */
public final class Html {

    private static final Pattern WEB_LINK = Pattern.compile("(?i)^(https?://|/(?!/))[^\\s\"'<>]*$");
    private static final Pattern CSS_COLOUR =
            Pattern.compile("(?i)^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla)\\([0-9.,%\\s/]+\\))$");

    private Html() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An http(s) or same-site link, else null: a {@code javascript:} URL in a spec never becomes a link. */
    static String link(String url) {
        return url != null && WEB_LINK.matcher(url.strip()).matches() ? url.strip() : null;
    }

    /** A CSS colour of a simple form (hex, name, rgb/hsl), else null: nothing else reaches the style sheet. */
    static String colour(String value) {
        return value != null && CSS_COLOUR.matcher(value.strip()).matches() ? value.strip() : null;
    }

    /** JSON placed inside a {@code <script type="application/json">}: no character can close the element. */
    static String scriptJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
