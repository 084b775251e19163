package io.langop.local.kube;

import java.nio.file.Path;
import java.util.Optional;

/** Where the output of a pod's container is, and whether it still runs, for {@code kubectl logs [-f]}. */
public interface PodLogs {

    /**
     * The log file of {@code container} of the pod, or of its first container when none is named; empty when the
     * pod has not run here.
     */
    Optional<Path> find(String namespace, String pod, Optional<String> container);

    /** Whether the container (any, when none is named) of the pod runs now, so its log may grow. */
    boolean running(String namespace, String pod, Optional<String> container);

    /** The last {@code lines} lines of {@code text}. */
    static byte[] lastLines(byte[] text, int lines) {
        int end = text.length;
        int at = end > 0 && text[end - 1] == '\n' ? end - 1 : end;
        int found = 0;
        while (at > 0) {
            if (text[at - 1] == '\n' && ++found == lines) {
                break;
            }
            at--;
        }
        if (lines == 0) {
            return new byte[0];
        }
        return java.util.Arrays.copyOfRange(text, at, end);
    }
}
