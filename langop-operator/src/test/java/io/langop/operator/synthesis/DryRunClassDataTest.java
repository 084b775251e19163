package io.langop.operator.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.check.AgentSetting;
import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import io.langop.kit.dryrun.DryRunMain;
import io.langop.kit.dryrun.DryRunReport;
import io.langop.kit.jvm.ClassPaths;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunClassDataTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /**
     * The jars of this test's class path: the JVM archives classes from jars only, and the dry run's child
     * needs none of this module's own directories. In the reactor's verify the kit and the SDK are jars.
     */
    private static final String CLASS_PATH = Stream.of(
                    System.getProperty("surefire.test.class.path", ClassPaths.loading(DryRunMain.class))
                            .split(File.pathSeparator, -1))
            .filter(entry -> entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry)))
            .collect(Collectors.joining(File.pathSeparator));

    @Test
    void theFirstDryRunDumpsTheClassesThatEveryLaterChildMaps(@TempDir Path directory) throws Exception {
        assumeTrue(
                DryRunMain.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath()
                        .endsWith(".jar"),
                "the kit is a directory here (an IDE, not the reactor's verify): no class data archive can be made");
        DryRunClassData classData = new DryRunClassData(directory);
        ChildJvmDryRun dryRun = new ChildJvmDryRun(JAVA, CLASS_PATH, Duration.ofSeconds(60), classData);
        AgentBrief brief = Briefs.brief(
                "digest", "Mail a digest", ToolCatalog.of(Briefs.WEB_AND_MAIL), Optional.of("0 9 * * 1-5"));
        AgentSetting setting = brief.request().setting();
        CheckResult checked = CodeChecker.forRuntimeClasspath()
                .check(SynthesisPrompt.bundled().workedExample(), setting);

        DryRunReport first = dryRun.run(checked, setting);
        assertThat(first.passed()).as(first.summary()).isTrue();
        Path archive = directory.resolve("dry-run-classes.jsa");
        assertThat(archive).isRegularFile();
        DryRunReport second = dryRun.run(checked, setting);
        assertThat(second.passed()).as(second.summary()).isTrue();

        // -Xshare:on refuses to start unless the archive maps: the kit's entry point is read from it
        Process child = new ProcessBuilder(
                        JAVA.toString(),
                        "-Xshare:on",
                        "-XX:SharedArchiveFile=" + archive,
                        "-Xlog:class+load=info",
                        "-cp",
                        CLASS_PATH,
                        DryRunMain.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output)
                .contains(DryRunMain.class.getName() + " source: shared objects file (top)")
                .contains("usage: DryRunMain");
    }

    @Test
    void whileTheFirstChildDumpsTheOthersWaitAndThenMapItsArchive(@TempDir Path directory) throws Exception {
        DryRunClassData classData = new DryRunClassData(directory);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> start(classData, options -> {
            firstStarted.countDown();
            releaseFirst.await();
            Files.writeString(directory.resolve("dry-run-classes.jsa"), "archive");
            return options;
        }));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<String>> second =
                CompletableFuture.supplyAsync(() -> start(classData, options -> options));

        Thread.sleep(200);
        assertThat(second).as("a second child starts while the first one dumps").isNotDone();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS))
                .containsExactly("-XX:ArchiveClassesAtExit=" + directory.resolve("dry-run-classes.jsa"));
        assertThat(second.get(10, TimeUnit.SECONDS))
                .containsExactly("-XX:SharedArchiveFile=" + directory.resolve("dry-run-classes.jsa"));
    }

    @Test
    void afterTwoChildrenLeftNoArchiveTheOthersRunWithoutOne(@TempDir Path directory) throws Exception {
        DryRunClassData classData = new DryRunClassData(directory);
        String dump = "-XX:ArchiveClassesAtExit=" + directory.resolve("dry-run-classes.jsa");
        assertThat(start(classData, options -> options)).containsExactly(dump);
        assertThat(start(classData, options -> options)).containsExactly(dump);
        assertThat(start(classData, options -> options)).isEmpty();
    }

    private static List<String> start(DryRunClassData classData, DryRunClassData.Child<List<String>> child) {
        try {
            return classData.withOptions(child);
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }
}
