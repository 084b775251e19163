package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The termination message of a container that ended, read as the kubelet reads it. */
class TerminationMessageTest {

    @TempDir
    Path pod;

    @Test
    void theFileTheContainerNamesInAVolumeIsTheMessageWhateverTheLogSays() throws Exception {
        Path volume = Files.createDirectories(pod.resolve("volumes/workspace"));
        RunLog log = log("earlier run\n", "Exception in thread main\n");
        Instant started = Instant.now().minusSeconds(1);
        Files.writeString(volume.resolve("termination-log"), "the mail server refused the login");

        TerminationMessage message = TerminationMessage.of(
                container("/workspace/termination-log", TerminationMessage.FALLBACK_TO_LOGS), mounts(volume));

        assertThat(message.read(started, log.file(), log.start(), 1)).isEqualTo("the mail server refused the login");
        assertThat(message.read(started, log.file(), log.start(), 0))
                .as("a container that succeeded has its message too")
                .isEqualTo("the mail server refused the login");
    }

    @Test
    void aFileLeftByAnEarlierRunIsNotThisRunsMessage() throws Exception {
        Path volume = Files.createDirectories(pod.resolve("volumes/workspace"));
        Path file = Files.writeString(volume.resolve("termination-log"), "the last run's reason");
        Instant started = Instant.now();
        Files.setLastModifiedTime(file, FileTime.from(started.minusSeconds(60)));
        RunLog log = log("", "ERROR define() failed: no digest language\n");

        assertThat(TerminationMessage.of(
                                container("/workspace/termination-log", TerminationMessage.FALLBACK_TO_LOGS),
                                mounts(volume))
                        .read(started, log.file(), log.start(), 3))
                .isEqualTo("ERROR define() failed: no digest language\n");
    }

    @Test
    void withFallbackToLogsAFailedRunsMessageIsTheEndOfItsOwnLogBoundedAsTheKubeletBoundsIt() throws Exception {
        String earlier = "a line of the run before\n";
        String lines = IntStream.rangeClosed(1, 100)
                .mapToObj(line -> "line " + line + "\n")
                .collect(Collectors.joining());
        RunLog log = log(earlier, lines);
        TerminationMessage message = TerminationMessage.of(
                // the default path, /dev/termination-log, is in no volume: a process here cannot write it
                container(null, TerminationMessage.FALLBACK_TO_LOGS), Map.of());

        String tail = message.read(Instant.now(), log.file(), log.start(), 3);

        assertThat(tail).startsWith("line 21\n").endsWith("line 100\n").doesNotContain(earlier);
        assertThat(tail.lines()).hasSize(TerminationMessage.MAX_LOG_LINES);
        String wide = "x".repeat(100) + "é\n";
        RunLog longLines = log("", wide.repeat(30));
        assertThat(message.read(Instant.now(), longLines.file(), longLines.start(), 3))
                .as("at most 2048 bytes, cut before a whole character")
                .hasSizeLessThanOrEqualTo(TerminationMessage.MAX_LOG_BYTES)
                .doesNotContain("\uFFFD")
                .endsWith(wide);
    }

    @Test
    void aRunThatSucceededOrAPolicyOfFileOnlyGivesNoMessageFromTheLog() throws Exception {
        RunLog log = log("", "Run succeeded\n");

        assertThat(TerminationMessage.of(container(null, TerminationMessage.FALLBACK_TO_LOGS), Map.of())
                        .read(Instant.now(), log.file(), log.start(), 0))
                .isNull();
        assertThat(TerminationMessage.of(container(null, "File"), Map.of())
                        .read(Instant.now(), log.file(), log.start(), 1))
                .isNull();
    }

    /** A container log and where this run's output begins in it. */
    private record RunLog(Path file, long start) {}

    /** A container log holding what an earlier run wrote, then this run's start line and output. */
    private RunLog log(String earlierRun, String thisRun) throws Exception {
        Path log = pod.resolve("agent.log");
        Files.writeString(log, earlierRun + "=== start\n");
        long start = Files.size(log);
        Files.writeString(log, thisRun, java.nio.file.StandardOpenOption.APPEND);
        return new RunLog(log, start);
    }

    private static Container container(String messagePath, String policy) {
        return new ContainerBuilder()
                .withName("agent")
                .withImage("ghcr.io/langop/langop-agent:test")
                .withTerminationMessagePath(messagePath)
                .withTerminationMessagePolicy(policy)
                .withVolumeMounts(new VolumeMountBuilder()
                        .withName("workspace")
                        .withMountPath("/workspace")
                        .build())
                .build();
    }

    private static Map<String, Path> mounts(Path workspace) {
        return Map.of("/workspace", workspace);
    }
}
