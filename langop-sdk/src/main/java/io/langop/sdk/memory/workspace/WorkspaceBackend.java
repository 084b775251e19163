package io.langop.sdk.memory.workspace;

import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.Space;
import io.langop.sdk.memory.spi.StoredEntry;
import io.langop.sdk.memory.spi.StoredValue;
import io.langop.wire.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The default backend: files under {@code <workspace>/.langop/memory}. It lasts as long as the workspace
 * volume: across runs and restarts with a persistent workspace ({@code spec.workspace}: a
 * PersistentVolumeClaim), for the pod's lifetime without one. One file per key, named by the URL-encoded
 * key (so no key can name a path; a SHA-256 of it when the encoding is too long for a file name), holding a
 * content-type line, a key line and the bytes; files are replaced by an atomic rename, so a crash mid-write
 * leaves the old value or the new one, never a part. A claim is a file under {@code claims/} holding its expiry and its
 * owner, taken under a lock of the directory (one thread of the process at a time, and an exclusive file lock against
 * another process on the same workspace).
 */
public final class WorkspaceBackend implements MemoryBackend {

    /** Where under the workspace memory lives; agent code's {@code Workspace} API does not list dot folders. */
    public static final String DIRECTORY = ".langop/memory";

    private static final String TURNS = "conversations";
    private static final String TURNS_SUFFIX = ".jsonl";
    private static final String CLAIMS = "claims";
    /** Held with the file lock: a JVM's second lock of the same file would fail instead of waiting. */
    private static final Object CLAIMING = new Object();
    /** File names stay well below the 255 bytes file systems allow, room left for the suffix. */
    private static final int LONGEST_NAME = 200;

    private final Path root;

    public WorkspaceBackend(Path workspace) {
        this.root = workspace.toAbsolutePath().normalize().resolve(DIRECTORY);
    }

    @Override
    public String description() {
        return "the workspace at " + root;
    }

    @Override
    public Optional<StoredValue> get(Space space, String key) {
        Path file = file(space, key);
        try (InputStream in = Files.newInputStream(file)) {
            String contentType = readLine(in);
            readLine(in); // the key
            return Optional.of(new StoredValue(in.readAllBytes(), contentType));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + file, failure);
        }
    }

    @Override
    public void put(Space space, String key, StoredValue value) {
        byte[] header = (value.contentType() + "\n" + key + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[header.length + value.content().length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(value.content(), 0, bytes, header.length, value.content().length);
        replace(file(space, key), bytes);
    }

    @Override
    public boolean delete(Space space, String key) {
        Path file = file(space, key);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot delete " + file, failure);
        }
    }

    @Override
    public List<StoredEntry> list(Space space, String prefix) {
        Path directory = root.resolve(space.wireName());
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<StoredEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(WorkspaceBackend::isValueFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    String contentType = readLine(in);
                    String key = readLine(in);
                    long headerBytes = (contentType + key).getBytes(StandardCharsets.UTF_8).length + 2L;
                    if (key.startsWith(prefix)) {
                        entries.add(new StoredEntry(key, contentType, Files.size(file) - headerBytes));
                    }
                } catch (NoSuchFileException deletedMeanwhile) {
                    // listed, then deleted by another writer: not there any more
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot list " + directory, failure);
        }
        entries.sort(Comparator.comparing(StoredEntry::key));
        return entries;
    }

    @Override
    public synchronized void appendTurns(String session, List<String> turns, int keep) {
        Path file = turnsFile(session);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, turns, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (all.size() > keep) {
                String kept = String.join("\n", all.subList(all.size() - keep, all.size())) + "\n";
                replace(file, kept.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot append to " + file, failure);
        }
    }

    @Override
    public synchronized List<String> turns(String session) {
        Path file = turnsFile(session);
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (NoSuchFileException absent) {
            return List.of();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + file, failure);
        }
    }

    @Override
    public synchronized boolean deleteTurns(String session) {
        Path file = turnsFile(session);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot delete " + file, failure);
        }
    }

    @Override
    public boolean claim(String name, String owner, Duration lifetime) {
        Path directory = root.resolve(CLAIMS);
        Path file = directory.resolve(encode(name));
        synchronized (CLAIMING) {
            try {
                Files.createDirectories(directory);
                try (FileChannel lockFile = FileChannel.open(
                                directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock held = lockFile.lock()) {
                    long now = System.currentTimeMillis();
                    if (Files.exists(file)
                            && heldByAnother(Files.readAllLines(file, StandardCharsets.UTF_8), owner, now)) {
                        return false;
                    }
                    long expires = now + lifetime.toMillis();
                    replace(file, (expires + "\n" + owner + "\n").getBytes(StandardCharsets.UTF_8));
                    return true;
                }
            } catch (IOException failure) {
                throw new UncheckedIOException("cannot claim " + file, failure);
            }
        }
    }

    /** A claim file is its expiry (epoch milliseconds) and its owner; a damaged one holds nothing. */
    private static boolean heldByAnother(List<String> claim, String owner, long now) {
        try {
            return claim.size() == 2
                    && Long.parseLong(claim.get(0)) > now
                    && !claim.get(1).equals(owner);
        } catch (NumberFormatException damaged) {
            return false;
        }
    }

    @Override
    public void close() {
        // files only: nothing held open
    }

    private Path file(Space space, String key) {
        return root.resolve(space.wireName()).resolve(encode(key));
    }

    private Path turnsFile(String session) {
        return root.resolve(TURNS).resolve(encode(session) + TURNS_SUFFIX);
    }

    /** URL-encoding turns every key into one file name: '/' becomes %2F, so nothing leaves the folder. */
    private static String encode(String key) {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8);
        return encoded.length() <= LONGEST_NAME ? encoded : "~" + Sha256.hex(key);
    }

    private static boolean isValueFile(Path file) {
        return Files.isRegularFile(file) && !file.getFileName().toString().endsWith(".tmp");
    }

    /** One header line; content types and keys are ASCII. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new IOException("a memory file without its header lines");
            }
            line.append((char) next);
        }
        return line.toString();
    }

    private static void replace(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "write-", ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file, failure);
        }
    }
}
