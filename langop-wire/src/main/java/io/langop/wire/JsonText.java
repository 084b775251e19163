package io.langop.wire;

/** JSON string literals, for the few bodies written without a JSON library (modules that carry none). */
public final class JsonText {

    private JsonText() {}

    /** {@code text} as a JSON string, or {@code null} for null. */
    public static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 2);
        quote(text, json);
        return json.toString();
    }

    /** Appends {@code text} as a JSON string (RFC 8259: quote, backslash and control characters escaped). */
    public static void quote(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
