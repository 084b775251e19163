package io.langop.sdk.memory;

/**
 * Sizes memory holds an agent to, whatever the backend, so that agents behave the same on each.
 *
 * @param maxValueBytes one state value (UTF-8 bytes): state is for small things, documents for the rest
 * @param maxDocumentBytes one document
 * @param maxTurnBytes one conversation turn's text
 * @param maxTurns turns kept per conversation; older ones are dropped
 */
public record MemoryLimits(int maxValueBytes, int maxDocumentBytes, int maxTurnBytes, int maxTurns) {

    public static final MemoryLimits DEFAULT = new MemoryLimits(64 * 1024, 5 * 1024 * 1024, 256 * 1024, 200);

    public MemoryLimits {
        if (maxValueBytes < 1 || maxDocumentBytes < 1 || maxTurnBytes < 1 || maxTurns < 1) {
            throw new IllegalArgumentException("memory limits must be positive: " + this);
        }
    }

    public MemoryLimits withMaxTurns(int turns) {
        return new MemoryLimits(maxValueBytes, maxDocumentBytes, maxTurnBytes, turns);
    }

    public MemoryLimits withMaxDocumentBytes(int bytes) {
        return new MemoryLimits(maxValueBytes, bytes, maxTurnBytes, maxTurns);
    }
}
