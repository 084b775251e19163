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

    void save(DeliveryCursor cursor) throws IOException {
        Files.createDirectories(file.getParent());
        Path written = file.resolveSibling(file.getFileName() + ".new");
        try (FileChannel channel = FileChannel.open(
                written, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.US_ASCII.encode(cursor.uidValidity() + " " + cursor.lastUid() + "\n"));
            channel.force(true);
        }
        try {
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
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
