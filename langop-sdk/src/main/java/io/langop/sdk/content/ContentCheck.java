package io.langop.sdk.content;

/**
 * A built-in content filter of a run: what it detects, and whether a match stops the run (action "block") or is only
 * logged (action "warn" or "log").
 */
public record ContentCheck(ContentDetector detector, boolean blocks) {}
