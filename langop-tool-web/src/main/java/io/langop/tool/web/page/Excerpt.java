package io.langop.tool.web.page;

/**
 * A window of a long text, so a model reads a page in chunks: {@code text} holds characters
 * {@code start} to {@code end} of {@code total}.
 */
public record Excerpt(String text, int start, int end, int total) {

    /**
     * The window starting at {@code start} of at most {@code maxLength} characters (one less rather
     * than split a surrogate pair).
     *
     * @throws IllegalArgumentException when {@code start} lies beyond the end of a non-empty text
     */
    public static Excerpt of(String content, int start, int maxLength) {
        if (start > 0 && start >= content.length()) {
            throw new IllegalArgumentException(
                    "start_index " + start + " is beyond the end of the content (" + content.length() + " characters)");
        }
        int end = (int) Math.min(content.length(), (long) start + maxLength);
        if (end < content.length() && end > start + 1 && Character.isHighSurrogate(content.charAt(end - 1))) {
            end--;
        }
        return new Excerpt(content.substring(start, end), start, end, content.length());
    }

    public boolean hasMore() {
        return end < total;
    }

    /** The note that tells the model how to read on, or "" when this is the last chunk. */
    public String continuationNote(String tool) {
        return hasMore()
                ? "\n\n[Content truncated: showing characters " + start + "-" + end + " of " + total + ". Call " + tool
                        + " with start_index=" + end + " to read more.]"
                : "";
    }
}
