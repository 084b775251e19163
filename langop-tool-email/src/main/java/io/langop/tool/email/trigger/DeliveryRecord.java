package io.langop.tool.email.trigger;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a trigger's folder has been delivered, noted in two places: in the mailbox, a {@link DeliveredMark} on each
 * message the agent has (shared by every replica of the tool and outliving every pod), and in the tool's state
 * directory, a {@link CursorFile} (a sidecar's is in the agent's workspace; it is the only record where the server keeps
 * no keywords). The trigger continues after the further of the two.
 *
 * <p>The mark is also what lets replicas share a folder: a message that another replica has marked by the time this
 * one would post it is not posted again. Two replicas that look at the same moment both post it; the event id is the
 * same, and the agent runs it once.
 */
final class DeliveryRecord {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecord.class);

    private final Subscriber subscriber;
    private final CursorFile file;
    private final DeliveredMark mark;
    private boolean marking;

    DeliveryRecord(Subscriber subscriber, CursorFile file) {
        this.subscriber = subscriber;
        this.file = file;
        this.mark = new DeliveredMark(subscriber);
    }

    /**
     * Starts the record's use on a folder just opened read-write: marks are set and read when its server keeps them.
     *
     * @return where the record is kept, for the log
     */
    String open(IMAPFolder folder) {
        marking = DeliveredMark.keptIn(folder);
        return marking ? "keyword " + mark + " and " + file : file + " only (the server keeps no keywords)";
    }

    /** The cursor after the last message delivered from this incarnation of the folder, if either record has one. */
    Optional<DeliveryCursor> load(IMAPFolder folder) throws MessagingException {
        long uidValidity = folder.getUIDValidity();
        Optional<DeliveryCursor> stored = file.load();
        Optional<DeliveryCursor> onDisk = stored.filter(cursor -> cursor.uidValidity() == uidValidity);
        OptionalLong marked = marking ? mark.newestMarked(folder) : OptionalLong.empty();
        if (marked.isPresent()) {
            DeliveryCursor inMailbox = new DeliveryCursor(uidValidity, marked.getAsLong());
            return Optional.of(
                    onDisk.map(cursor -> cursor.after(inMailbox.lastUid())).orElse(inMailbox));
        }
        if (stored.isPresent() && onDisk.isEmpty()) {
            LOG.warn(
                    "Mail trigger of {}: the server rebuilt the folder (UIDVALIDITY {}, was {})",
                    subscriber,
                    uidValidity,
                    stored.get().uidValidity());
        }
        return onDisk;
    }

    /**
     * Notes the cursor a trigger without a record starts from; the message at its UID (the newest before the
     * catch-up window), if there is one, is marked, so that a pod replacing this one before any delivery starts there
     * too instead of a catch-up window of its own.
     */
    void start(IMAPFolder folder, DeliveryCursor start) throws MessagingException, IOException {
        file.save(start);
        Message before = start.lastUid() > 0 ? folder.getMessageByUID(start.lastUid()) : null;
        if (before != null) {
            delivered(folder, before);
        }
    }

    /** Whether another replica has delivered the message since this one fetched it. */
    boolean deliveredElsewhere(IMAPFolder folder, Message message) throws MessagingException {
        return marking && mark.isOn(folder, message);
    }

    /**
     * Marks the message as delivered. A server that refuses the keyword (a read-only login, a quota) leaves the
     * trigger with its state directory, with a warning; a lost connection is the watch's to handle (the message is
     * delivered again by the next connection, and the agent runs it once).
     */
    void delivered(IMAPFolder folder, Message message) throws MessagingException {
        if (!marking) {
            return;
        }
        try {
            mark.set(folder, message);
        } catch (MessagingException refused) {
            if (!folder.isOpen()) {
                throw refused;
            }
            marking = false;
            LOG.warn(
                    "Mail trigger of {}: the server refuses keyword {} ({}); keeping the record in {} only",
                    subscriber,
                    mark,
                    refused.getMessage(),
                    file);
        }
    }

    /** Notes that every message up to the cursor's has been handled (delivered, or not wanted by the trigger). */
    void passed(DeliveryCursor cursor) throws IOException {
        file.save(cursor);
    }
}
