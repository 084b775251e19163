package io.langop.tool.email.trigger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trigger's {@link DeliveryCursor} on disk, so that a restarted tool continues after the last message it delivered:
 * one small file per trigger (named by a hash of endpoint and folder), replaced atomically after it is forced to disk.
 */
final class CursorFile {

    private static final Logger LOG = LoggerFactory.getLogger(CursorFile.class);

    private final Path file;

    CursorFile(Path directory, Subscriber subscriber) {
        this.file = directory.resolve(name(subscriber) + ".cursor");
    }

    /** The stored cursor; empty when there is none or it cannot be read (then the trigger starts afresh). */
    Optional<DeliveryCursor> load() {
        try {
            String[] fields =
                    Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ", -1);
            return Optional.of(new DeliveryCursor(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("Cursor {} cannot be read, starting afresh: {}", file, unreadable.toString());
            return Optional.empty();
        }
    }

    /**
     * Writes the cursor to a file of its own and moves it over the stored one. Its own: replicas may share the
     * directory (the sidecars of an agent's replicas on one workspace, the pods of {@code langop local} on one
     * machine), and one replica's move must not take away the file another is writing. The last move wins; a cursor
     * that another replica's move puts back a little is harmless, since the mailbox's marks say what the agent has.
     */
    void save(DeliveryCursor cursor) throws IOException {
        Files.createDirectories(file.getParent());
        Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
        try {
            try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.US_ASCII.encode(cursor.uidValidity() + " " + cursor.lastUid() + "\n"));
                channel.force(true);
            }
            try {
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static String name(Subscriber subscriber) {
        return Subscriber.digest(subscriber.subscription().endpoint() + "\n" + subscriber.folder(), 12);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
