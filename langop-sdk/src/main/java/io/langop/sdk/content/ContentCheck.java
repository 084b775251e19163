package io.langop.sdk.content;

/**
 * A built-in content filter of a run: what it detects, and whether a match stops the run ({@code block}) or is only
 * logged ({@code warn}, {@code log}).
 */
public record ContentCheck(ContentDetector detector, boolean blocks) {}
