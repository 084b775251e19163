package io.langop.operator.synthesis;

import io.langop.kit.check.AgentSetting;
import io.langop.kit.check.CheckResult;
import io.langop.kit.dryrun.DryRunMain;
import io.langop.kit.dryrun.DryRunReport;
import io.langop.kit.dryrun.DryRunRequest;
import io.langop.kit.jvm.ClassPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dry-runs agent code in a JVM of its own, started from the operator's own Java and class path (which hold
 * the SDK and the kit's {@link DryRunMain}): synthesized code is never loaded into the operator, not even
 * after it passed the checks. The child gets an empty environment (no API key, no endpoint of a model or
 * tool server: its stand-ins answer in-process), a scratch directory as workspace, a small heap, and
 * {@link #timeout} for the whole run, after which it is killed. What it wrote to its console is kept for the
 * failure message when it ends without a report.
 */
public final class ChildJvmDryRun implements DryRunner {

    /** Starting a JVM and running a workflow on stand-ins takes about a second; this is for a loaded machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvmDryRun.class);
    private static final String LOG_FILE = "dry-run.log";
    private static final int LOG_EXCERPT_LINES = 15;

    private final Path java;
    private final String classPath;
    private final Duration timeout;
    private final DryRunClassData classData;

    ChildJvmDryRun(Path java, String classPath, Duration timeout, DryRunClassData classData) {
        this.java = java;
        this.classPath = classPath;
        this.timeout = timeout;
        this.classData = classData;
    }

    /** The operator's own Java, and the class path this process loaded the kit's {@link DryRunMain} from. */
    public static ChildJvmDryRun ofThisJvm() {
        return new ChildJvmDryRun(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                ClassPaths.loading(DryRunMain.class),
                DEFAULT_TIMEOUT,
                DryRunClassData.ofThisProcess());
    }

    @Override
    public DryRunReport run(CheckResult checked, AgentSetting setting) throws InterruptedException {
        long started = System.nanoTime();
        Path directory = null;
        try {
            directory = Files.createTempDirectory("langop-dry-run-");
            Files.writeString(
                    directory.resolve(DryRunMain.REQUEST),
                    DryRunRequest.of(checked, setting.tools().tools()).toJson());
            Path workDirectory = directory;
            DryRunReport report = classData.withOptions(options -> runChild(workDirectory, options));
            LOG.debug("dry run took {} ms: {}", (System.nanoTime() - started) / 1_000_000, report.summary());
            return report;
        } catch (IOException failure) {
            return DryRunReport.failed("the dry run could not start: " + failure.getMessage());
        } finally {
            if (directory != null) {
                delete(directory);
            }
        }
    }

    private DryRunReport runChild(Path directory, List<String> classDataOptions)
            throws IOException, InterruptedException {
        Path log = directory.resolve(LOG_FILE);
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC"));
        // a short run: the first compiler tier is enough, and the class data archive spares loading the SDK
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(classDataOptions);
        command.add("-Xlog:cds*=off"); // the archive's warnings are not the agent's: keep them out of its log
        command.addAll(List.of("-cp", classPath, DryRunMain.class.getName(), directory.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // nothing of the operator's environment (its API key, proxies, endpoints) reaches code under test
        builder.environment().clear();
        Process child = builder.start();
        try {
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                return DryRunReport.failed("the dry run did not end within " + timeout.toSeconds()
                        + " s: a step (or define()) keeps running on stand-in answers" + excerpt(log));
            }
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly(); // interrupted: the operator is stopping or the synthesis was cancelled
            }
        }
        Path report = directory.resolve(DryRunMain.REPORT);
        if (!Files.isRegularFile(report)) {
            return DryRunReport.failed(
                    "the dry run ended (exit status " + child.exitValue() + ") without a report" + excerpt(log));
        }
        return DryRunReport.fromJson(Files.readString(report));
    }

    /** The last lines the child wrote, for a failure the report cannot tell. */
    private static String excerpt(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_EXCERPT_LINES), lines.size());
            return tail.isEmpty() ? "" : "; its last lines:\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException unreadable) {
            return "";
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            LOG.warn("could not delete the dry run's directory {}: {}", directory, leftBehind.toString());
        }
    }
}
