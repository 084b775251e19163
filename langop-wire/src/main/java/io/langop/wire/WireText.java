package io.langop.wire;

/** Text bounded for a report on the wire: a status, a stream event. */
public final class WireText {

    private WireText() {}

    /** {@code text} cut to at most {@code max} characters, the last of them an ellipsis when cut. */
    public static String bounded(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "\u2026";
    }
}
