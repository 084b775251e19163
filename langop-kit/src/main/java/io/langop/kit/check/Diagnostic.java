package io.langop.kit.check;

/**
 * One problem found in an agent source.
 *
 * @param origin {@code COMPILER} for javac errors, {@code POLICY} for refused APIs, {@code SEMANTIC} for code that
 *     would not work where the agent runs (an unknown tool, a missing parameter, a step graph with a cycle, …)
 * @param line 1-based
 * @param column 1-based
 */
public record Diagnostic(Origin origin, long line, long column, String message) {

    public enum Origin {
        COMPILER,
        POLICY,
        SEMANTIC
    }

    /** {@code Agent.java:12:5: error: ...}, the format editors and CI logs understand. */
    public String format(String fileName) {
        return fileName + ":" + line + ":" + column + ": error: " + message;
    }
}
