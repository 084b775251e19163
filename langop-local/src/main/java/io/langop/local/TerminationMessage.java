package io.langop.local;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container's termination message, read as the kubelet reads it when the container ends: the file the container
 * names at {@code terminationMessagePath} (default {@code /dev/termination-log}; at most 4096 bytes), and when that
 * is empty and the container failed under {@code terminationMessagePolicy: FallbackToLogsOnError}, the end of its
 * log — the last 80 lines, at most 2048 bytes — of this run only. A process here writes the file only where the path
 * lies in one of the container's volumes (the host has no {@code /dev/termination-log} for it): a kubelet gives
 * each run a new empty file, so a file not written since the run started is read as empty.
 */
final class TerminationMessage {

    static final String DEFAULT_PATH = "/dev/termination-log";
    static final String FALLBACK_TO_LOGS = "FallbackToLogsOnError";
    static final int MAX_FILE_BYTES = 4096;
    static final int MAX_LOG_LINES = 80;
    static final int MAX_LOG_BYTES = 2048;

    /** The host file standing for the container's message file, empty when no volume holds its path. */
    private final Optional<Path> file;

    private final boolean fallbackToLogs;

    private TerminationMessage(Optional<Path> file, boolean fallbackToLogs) {
        this.file = file;
        this.fallbackToLogs = fallbackToLogs;
    }

    /** The message of {@code container}, whose mount paths lie at the host paths {@code mounts}, longest first. */
    static TerminationMessage of(Container container, Map<String, Path> mounts) {
        String path = Objects.requireNonNullElse(container.getTerminationMessagePath(), DEFAULT_PATH);
        return new TerminationMessage(
                PodVolumes.hostPath(path, mounts), FALLBACK_TO_LOGS.equals(container.getTerminationMessagePolicy()));
    }

    /**
     * The message of a run that started at {@code startedAt}, wrote its output to {@code log} from byte {@code
     * logStart} on and ended with {@code exitCode}; null when there is none.
     */
    String read(Instant startedAt, Path log, long logStart, int exitCode) {
        Optional<String> written = file.flatMap(path -> writtenSince(path, startedAt));
        if (written.isPresent()) {
            return written.get();
        }
        return fallbackToLogs && exitCode != 0 ? logTail(log, logStart) : null;
    }

    private static Optional<String> writtenSince(Path path, Instant startedAt) {
        try {
            if (!Files.isRegularFile(path)
                    || Files.getLastModifiedTime(path).toInstant().isBefore(startedAt)) {
                return Optional.empty();
            }
            byte[] head;
            try (var in = Files.newInputStream(path)) {
                head = in.readNBytes(MAX_FILE_BYTES);
            }
            return head.length == 0 ? Optional.empty() : Optional.of(new String(head, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The end of what the run wrote: its last {@value #MAX_LOG_LINES} lines, at most {@value #MAX_LOG_BYTES} bytes. */
    private static String logTail(Path log, long logStart) {
        byte[] tail;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(logStart, file.length() - MAX_LOG_BYTES);
            tail = new byte[(int) Math.max(0, file.length() - from)];
            file.seek(from);
            file.readFully(tail);
        } catch (IOException unreadable) {
            return null;
        }
        int start = 0;
        while (start < tail.length && (tail[start] & 0xC0) == 0x80) {
            start++; // the cut fell inside a character: begin at the next one
        }
        String text = new String(tail, start, tail.length - start, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int keep = text.endsWith("\n") ? MAX_LOG_LINES + 1 : MAX_LOG_LINES;
        if (lines.length > keep) {
            text = String.join("\n", java.util.Arrays.copyOfRange(lines, lines.length - keep, lines.length));
        }
        return text.isEmpty() ? null : text;
    }
}
