package io.langop.operator.synthesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The class data of the dry run's JVM, shared by every dry run of this process: the first child dumps the
 * classes it loaded (Jackson, the SDK, the kit) into a CDS archive as it exits, and every later child maps
 * that archive instead of reading, parsing and verifying the same classes again. This takes a dry run from
 * about 1.1 s to 0.3 s of a synthesis round (bench/synthesis). The agent's own classes come from an in-memory
 * loader and are never archived.
 *
 * <p>The archive lives in a directory of this process alone, because the JVM writes it in place: two
 * processes dumping into one file could leave it torn. For the same reason children wait while the first one
 * dumps. An archive the JVM cannot use (another Java, another class path) is ignored by the child, which then
 * loads its classes the slow way. The JVM archives classes from jars only: with a directory on the class path
 * (an IDE, a test run from {@code target/classes}) no archive appears, and after {@value #DUMP_ATTEMPTS} such
 * attempts the children run without one.
 */
final class DryRunClassData {

    private static final String ARCHIVE = "dry-run-classes.jsa";
    private static final int DUMP_ATTEMPTS = 2;

    private final Path archive;
    private final Lock dumping = new ReentrantLock();
    private final AtomicInteger dumpsWithoutArchive = new AtomicInteger();

    DryRunClassData(Path directory) {
        this.archive = directory.resolve(ARCHIVE);
    }

    static DryRunClassData ofThisProcess() {
        return OfThisProcess.CLASS_DATA;
    }

    /** Created on the first dry run, so that a process that never dry-runs makes no directory. */
    private static final class OfThisProcess {
        static final DryRunClassData CLASS_DATA = new DryRunClassData(directoryOfThisProcess());
    }

    /**
     * Runs {@code child} with the JVM options that map the archive, or, while there is none yet, with those
     * that dump it; one child at a time dumps, the others wait for its archive.
     */
    <T> T withOptions(Child<T> child) throws IOException, InterruptedException {
        Optional<List<String>> settled = settledOptions();
        if (settled.isPresent()) {
            return child.start(settled.get());
        }
        dumping.lockInterruptibly();
        try {
            settled = settledOptions(); // the child that held the lock may have dumped it
            if (settled.isPresent()) {
                return child.start(settled.get());
            }
            T result = child.start(List.of("-XX:ArchiveClassesAtExit=" + archive));
            if (!Files.isRegularFile(archive)) {
                dumpsWithoutArchive.incrementAndGet(); // a directory on the class path, or a child killed early
            }
            return result;
        } finally {
            dumping.unlock();
        }
    }

    /** The options once the archive is there (map it) or given up on (none); empty while it is still to dump. */
    private Optional<List<String>> settledOptions() {
        if (Files.isRegularFile(archive)) {
            return Optional.of(List.of("-XX:SharedArchiveFile=" + archive));
        }
        if (dumpsWithoutArchive.get() >= DUMP_ATTEMPTS) {
            return Optional.of(List.of());
        }
        return Optional.empty();
    }

    /** A child JVM started with the given extra options. */
    @FunctionalInterface
    interface Child<T> {
        T start(List<String> jvmOptions) throws IOException, InterruptedException;
    }

    private static Path directoryOfThisProcess() {
        try {
            Path directory = Files.createTempDirectory("langop-dry-run-classes-");
            directory.toFile().deleteOnExit();
            directory.resolve(ARCHIVE).toFile().deleteOnExit();
            return directory;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create a directory for the dry run's class data", failure);
        }
    }
}
